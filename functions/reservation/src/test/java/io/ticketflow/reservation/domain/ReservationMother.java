package io.ticketflow.reservation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Schedules and reservations for domain tests: 50 seats, 1–10 VIP at 150 points, 11–50 R at 90. */
final class ReservationMother {

    static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    static final HoldPolicy POLICY = new HoldPolicy(4, Duration.ofMinutes(5));
    /** The show of the schedule: a month after {@link #NOW}. */
    static final Instant STARTS_AT = Instant.parse("2026-12-24T19:00:00Z");

    private ReservationMother() {
    }

    static ScheduleInventory withFiftySeats() {
        List<Seat> seats = new ArrayList<>();
        for (int seatNo = 1; seatNo <= 50; seatNo++) {
            seats.add(seatNo <= 10 ? new Seat(seatNo, "VIP", 150) : new Seat(seatNo, "R", 90));
        }
        return ScheduleInventory.of("schedule-1-1", "concert-1", STARTS_AT, seats);
    }

    static Reservation pending(Integer... seatNos) {
        ScheduleInventory schedule = withFiftySeats();
        return Reservation.hold("r-1", "user-42", schedule, schedule.select(List.of(seatNos), POLICY), "qt-1", NOW, POLICY);
    }
}

package io.ticketflow.concert.domain;

import io.ticketflow.concert.DemoCatalogue;
import java.time.Instant;
import java.util.List;

/** Seat maps and reservation changes for the projection's unit tests. */
final class SeatMapMother {

    static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");
    static final String SCHEDULE = "schedule-1-1";

    private SeatMapMother() {
    }

    static SeatMap fiftyFreeSeats() {
        return SeatMap.published("concert-1", Schedule.withSeats(SCHEDULE, Instant.parse("2027-03-06T19:00:00Z"), DemoCatalogue.seats()));
    }

    static ReservationChange held(String reservation, int secondsAfterT0, Integer... seatNos) {
        return new ReservationChange(ReservationChange.Kind.HELD, reservation, 1, T0.plusSeconds(secondsAfterT0), SCHEDULE,
                List.of(seatNos), T0.plusSeconds(secondsAfterT0 + 300));
    }

    static ReservationChange released(String reservation, int secondsAfterT0, Integer... seatNos) {
        return new ReservationChange(ReservationChange.Kind.RELEASED, reservation, 2, T0.plusSeconds(secondsAfterT0), SCHEDULE,
                List.of(seatNos), null);
    }

    static ReservationChange sold(String reservation, int secondsAfterT0, Integer... seatNos) {
        return new ReservationChange(ReservationChange.Kind.SOLD, reservation, 2, T0.plusSeconds(secondsAfterT0), SCHEDULE,
                List.of(seatNos), null);
    }
}

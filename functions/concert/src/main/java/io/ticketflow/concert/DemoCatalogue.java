package io.ticketflow.concert;

import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.Schedule;
import io.ticketflow.concert.domain.Seat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The demo data, in one place: the local runtime's seeder publishes it and tests use it. Three concerts
 * ({@code concert-1..3}) with three schedules each ({@code schedule-<concert>-<n>}) of 50 seats: seats 1–10 VIP at
 * 150 points, 11–50 R at 90 points.
 */
public final class DemoCatalogue {

    public static final int SEATS_PER_SCHEDULE = 50;
    public static final int VIP_SEATS = 10;
    public static final int VIP_PRICE = 150;
    public static final int R_PRICE = 90;

    private static final Instant FIRST_SHOW = Instant.parse("2027-03-06T19:00:00Z");
    private static final List<String[]> CONCERTS = List.of(
            new String[] {"Winter Lights Tour", "The Aurora Quartet", "Olympic Hall, Seoul"},
            new String[] {"Neon Nights", "Mira Vale", "Blue Square, Seoul"},
            new String[] {"Symphony of Stars", "Busan Philharmonic", "Busan Cinema Center"});

    private DemoCatalogue() {
    }

    public static List<Concert> concerts() {
        return IntStream.rangeClosed(1, CONCERTS.size()).mapToObj(DemoCatalogue::concert).toList();
    }

    /** @param number 1 to 3 */
    public static Concert concert(int number) {
        String[] names = CONCERTS.get(number - 1);
        List<Schedule> schedules = IntStream.rangeClosed(1, 3)
                .mapToObj(n -> Schedule.withSeats("schedule-" + number + "-" + n,
                        FIRST_SHOW.plus(Duration.ofDays(7L * (number - 1) + n - 1)), seats()))
                .toList();
        return new Concert("concert-" + number, names[0], names[1], names[2], schedules);
    }

    /** 50 seats: 1–10 VIP, 11–50 R, listed seat by seat as a client without sections publishes them. */
    public static List<Seat> seats() {
        return IntStream.rangeClosed(1, SEATS_PER_SCHEDULE)
                .mapToObj(seatNo -> seatNo <= VIP_SEATS ? new Seat(seatNo, "VIP", VIP_PRICE) : new Seat(seatNo, "R", R_PRICE))
                .toList();
    }
}

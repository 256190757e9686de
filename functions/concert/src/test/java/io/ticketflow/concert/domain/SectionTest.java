package io.ticketflow.concert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.concert.DemoCatalogue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionTest {

    private static final Instant STARTS_AT = Instant.parse("2027-01-01T19:00:00Z");

    @Test
    void demoSeats_becomeOneVipAndOneRSection() {
        assertThat(Section.runsOf(DemoCatalogue.seats())).containsExactly(
                new Section("1-10", "VIP", 150, 1, 10),
                new Section("11-50", "R", 90, 11, 50));
    }

    @Test
    void seatsInAnyOrder_withAGapAndAPriceChange_becomeOneRunEach() {
        List<Seat> seats = List.of(new Seat(5, "R", 90), new Seat(1, "R", 90), new Seat(2, "R", 90),
                new Seat(3, "R", 80), new Seat(6, "R", 90));

        assertThat(Section.runsOf(seats)).containsExactly(
                new Section("1-2", "R", 90, 1, 2),
                new Section("3-3", "R", 80, 3, 3),
                new Section("5-6", "R", 90, 5, 6));
    }

    @Test
    void repeatedSeat_isLeftAsTwoRuns_forValidationToReject() {
        assertThat(Section.runsOf(List.of(new Seat(1, "R", 90), new Seat(1, "R", 90)))).hasSize(2);
    }

    @Test
    void scheduleWithSeats_servesTheSameSeatsBack_inSeatOrder() {
        List<Seat> seats = List.of(new Seat(3, "R", 90), new Seat(1, "VIP", 150), new Seat(2, "R", 90));

        Schedule schedule = Schedule.withSeats("s-1", STARTS_AT, seats);

        assertThat(schedule.sections()).hasSize(2);
        assertThat(schedule.seats()).containsExactly(new Seat(1, "VIP", 150), new Seat(2, "R", 90), new Seat(3, "R", 90));
        assertThat(schedule.seatCount()).isEqualTo(3);
    }

    @Test
    void stadiumInSections_expandsToEverySeat() {
        Schedule stadium = new Schedule("s-1", STARTS_AT, List.of(
                new Section("B", "R", 90, 2_001, 60_000), new Section("A", "VIP", 150, 1, 2_000)));

        List<Seat> seats = stadium.seats();

        assertThat(seats).hasSize(60_000);
        assertThat(seats.get(0)).isEqualTo(new Seat(1, "VIP", 150));
        assertThat(seats.get(59_999)).isEqualTo(new Seat(60_000, "R", 90));
    }
}

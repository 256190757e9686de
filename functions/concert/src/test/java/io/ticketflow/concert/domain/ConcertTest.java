package io.ticketflow.concert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.concert.DemoCatalogue;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcertTest {

    @Test
    void demoConcerts_areValid_threeSchedulesOfFiftySeatsInTwoGrades() {
        assertThat(DemoCatalogue.concerts()).hasSize(3).allSatisfy(concert -> {
            assertThat(concert.validated()).isSameAs(concert);
            assertThat(concert.schedules()).hasSize(3).allSatisfy(schedule -> {
                assertThat(schedule.seats()).hasSize(50);
                assertThat(schedule.seats()).extracting(Seat::grade).containsOnly("VIP", "R");
            });
        });
    }

    @Test
    void repeatedSeatNo_isAnInvalidRequest() {
        Schedule schedule = new Schedule("s-1", Instant.parse("2027-01-01T19:00:00Z"),
                List.of(new Seat(1, "R", 90), new Seat(1, "R", 90)));

        assertInvalid(new Concert("c-1", "t", "a", "v", List.of(schedule)), "seatNo 1");
    }

    @Test
    void zeroPrice_isAnInvalidRequest() {
        Schedule schedule = new Schedule("s-1", Instant.parse("2027-01-01T19:00:00Z"), List.of(new Seat(1, "R", 0)));

        assertInvalid(new Concert("c-1", "t", "a", "v", List.of(schedule)), "price");
    }

    @Test
    void idWithHash_orNoSchedules_isAnInvalidRequest() {
        assertInvalid(new Concert("c#1", "t", "a", "v", DemoCatalogue.concert(1).schedules()), "concertId");
        assertInvalid(new Concert("c-1", "t", "a", "v", List.of()), "schedules");
    }

    private static void assertInvalid(Concert concert, String detailMentions) {
        assertThatThrownBy(concert::validated).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.type()).isEqualTo(ProblemTypes.INVALID_REQUEST);
            assertThat(problem.detail()).contains(detailMentions);
        });
    }
}

package io.ticketflow.reservation.domain;

import static io.ticketflow.reservation.domain.ReservationMother.POLICY;
import static io.ticketflow.reservation.domain.ReservationMother.withFiftySeats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleInventoryTest {

    @Test
    void select_validSeats_returnsThemInTheOrderAskedWithGradeAndPrice() {
        assertThat(withFiftySeats().select(List.of(12, 3), POLICY))
                .containsExactly(new Seat(12, "R", 90), new Seat(3, "VIP", 150));
    }

    @Test
    void select_moreSeatsThanTheLimit_isTooManySeats() {
        assertProblem(() -> withFiftySeats().select(List.of(1, 2, 3, 4, 5), POLICY), ReservationProblems.TOO_MANY_SEATS.slug());
    }

    @Test
    void select_exactlyTheLimit_isAllowed() {
        assertThat(withFiftySeats().select(List.of(1, 2, 3, 4), POLICY)).hasSize(4);
    }

    @Test
    void select_moreSeatsThanOneUserMayHave_isSeatLimitReached_evenWithinTheLimitPerReservation() {
        HoldPolicy twoPerUser = new HoldPolicy(4, POLICY.holdTime(), 2);

        assertProblem(() -> withFiftySeats().select(List.of(1, 2, 3), twoPerUser), ReservationProblems.SEAT_LIMIT_REACHED.slug());
        assertThat(withFiftySeats().select(List.of(1, 2), twoPerUser)).hasSize(2);
    }

    @Test
    void aHold_carriesTheShowsStart() {
        assertThat(ReservationMother.pending(1).startsAt()).isEqualTo(ReservationMother.STARTS_AT);
    }

    @Test
    void select_theSameSeatTwice_isAnInvalidRequestNamingIt() {
        assertThatThrownBy(() -> withFiftySeats().select(List.of(7, 8, 7), POLICY))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemTypes.INVALID_REQUEST);
                    assertThat(problem.detail()).contains("[7]");
                });
    }

    @Test
    void select_noSeats_isAnInvalidRequest() {
        assertProblem(() -> withFiftySeats().select(List.of(), POLICY), ProblemTypes.INVALID_REQUEST.slug());
        assertProblem(() -> withFiftySeats().select(null, POLICY), ProblemTypes.INVALID_REQUEST.slug());
    }

    @Test
    void select_aNullSeatNumber_isAnInvalidRequest() {
        assertProblem(() -> withFiftySeats().select(Arrays.asList(1, null), POLICY), ProblemTypes.INVALID_REQUEST.slug());
    }

    @Test
    void select_aSeatTheScheduleDoesNotHave_isUnknownSeatNamingIt() {
        assertThatThrownBy(() -> withFiftySeats().select(List.of(50, 51, 0), POLICY))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ReservationProblems.UNKNOWN_SEAT);
                    assertThat(problem.detail()).contains("[51, 0]");
                });
    }

    @Test
    void allSeats_areOrderedBySeatNumber() {
        assertThat(withFiftySeats().allSeats()).extracting(Seat::seatNo).isSorted().hasSize(50);
    }

    private static void assertProblem(Runnable call, String slug) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.type().slug()).isEqualTo(slug));
    }
}

package io.ticketflow.reservation.domain;

import static io.ticketflow.reservation.domain.ReservationMother.NOW;
import static io.ticketflow.reservation.domain.ReservationMother.STARTS_AT;
import static io.ticketflow.reservation.domain.ReservationMother.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CancellationPolicyTest {

    private static final CancellationPolicy DAY_BEFORE = CancellationPolicy.defaults();
    private final Reservation booking = pending(1, 2).confirm(NOW);

    @Test
    void byDefault_aBookingCanBeCancelledUntilADayBeforeTheShow() {
        assertThat(DAY_BEFORE.closesAt(booking)).isEqualTo(STARTS_AT.minus(Duration.ofHours(24)));

        DAY_BEFORE.requireOpen(booking, STARTS_AT.minus(Duration.ofHours(24)).minusMillis(1));
    }

    @Test
    void fromTheCutOffOn_includingAfterTheShow_aCancellationIsClosed_sayingUntilWhenItWasOpen() {
        for (Instant late : new Instant[] {STARTS_AT.minus(Duration.ofHours(24)), STARTS_AT.minusSeconds(60),
                STARTS_AT.plus(Duration.ofDays(3))}) {
            assertThatThrownBy(() -> DAY_BEFORE.requireOpen(booking, late))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.type()).isEqualTo(ReservationProblems.CANCELLATION_CLOSED);
                        assertThat(problem.detail()).contains("2026-12-23T19:00:00Z", "24 h before the start");
                    });
        }
    }

    @Test
    void aCutOffOfZero_closesAtTheStart() {
        CancellationPolicy untilTheStart = new CancellationPolicy(Duration.ZERO);

        untilTheStart.requireOpen(booking, STARTS_AT.minusMillis(1));
        assertThatThrownBy(() -> untilTheStart.requireOpen(booking, STARTS_AT)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aNegativeCutOff_isRefusedAtStartUp() {
        assertThatThrownBy(() -> new CancellationPolicy(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}

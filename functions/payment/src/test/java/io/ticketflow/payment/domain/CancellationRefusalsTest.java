package io.ticketflow.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CancellationRefusalsTest {

    @Test
    void spentEarnedPoints_refuseWithTheirOwnProblemType() {
        assertThat(CancellationRefusals.problemOf("EarnedPointsSpent").uri())
                .hasToString("https://ticketflow.dev/problems/earned-points-spent");
        assertThat(CancellationRefusals.problemOf("EarnedPointsSpent").status()).isEqualTo(409);
    }

    @Test
    void aStuckOrTimedOutCancellation_isNoRefusal() {
        assertThat(CancellationRefusals.problemOf("CompensationFailed")).isNull();
        assertThat(CancellationRefusals.problemOf("States.Timeout")).isNull();
        assertThat(CancellationRefusals.problemOf(null)).isNull();
    }
}

package io.ticketflow.point.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PointPolicyTest {

    private final PointPolicy policy = new PointPolicy(1000);

    @Test
    void charge_ofExactlyTheMaximum_isAccepted() {
        assertThatCode(() -> policy.checkCharge("req-1", 1000L)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 1001})
    void charge_outsideOneToMaximum_isChargeOutOfRangeProblem(long amount) {
        assertThatThrownBy(() -> policy.checkCharge("req-1", amount))
                .isInstanceOfSatisfying(ProblemException.class, problem ->
                        assertThat(problem.type()).isEqualTo(PointProblems.CHARGE_OUT_OF_RANGE));
    }

    @Test
    void charge_withoutAmount_isChargeOutOfRangeProblem() {
        assertThatThrownBy(() -> policy.checkCharge("req-1", null))
                .isInstanceOfSatisfying(ProblemException.class, problem ->
                        assertThat(problem.type()).isEqualTo(PointProblems.CHARGE_OUT_OF_RANGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "r-1:deduct", "has space"})
    void requestId_emptyOrShapedLikeASagaOperation_isInvalidRequest(String requestId) {
        assertThatThrownBy(() -> policy.checkCharge(requestId, 10L))
                .isInstanceOfSatisfying(ProblemException.class, problem ->
                        assertThat(problem.type()).isEqualTo(ProblemTypes.INVALID_REQUEST));
    }
}

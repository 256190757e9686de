package io.ticketflow.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.messaging.Admission;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdmissionRuleTest {

    @Test
    void activeAdmission_passes() {
        assertThatCode(() -> AdmissionRule.requireActive(new Admission(Admission.Status.ACTIVE, Instant.now())))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
            "UNKNOWN_TOKEN, waiting",
            "NOT_ACTIVE, waiting",
            "EXPIRED, expired",
            "OTHER_USER, another user",
            "OTHER_CONCERT, another concert"})
    void anyOtherAdmission_isRefusedAsNotActive_sayingWhy(Admission.Status status, String why) {
        assertThatThrownBy(() -> AdmissionRule.requireActive(new Admission(status, null)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ReservationProblems.QUEUE_TOKEN_NOT_ACTIVE);
                    assertThat(problem.type().status()).isEqualTo(403);
                    assertThat(problem.detail()).contains(why);
                });
    }
}

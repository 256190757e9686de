package io.ticketflow.payment.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.http.Caller;
import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.problem.ProblemException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PayTest {

    private final JsonMapper json = KernelBeans.newJsonMapper();

    @Test
    void request_withKeyPassAndBody_readsThemAll_andIgnoresFaultHeaderWhenInjectionIsOff() {
        HttpRequest request = request(Map.of("Idempotency-Key", " k-1 ", "X-Admission-Pass", "pass-1",
                "X-Fault-Inject", "deductPoints"), "{\"reservationId\":\"r-1\"}");

        assertThat(Pay.from(request, json, false)).isEqualTo(new Pay("r-1", "user-1", "k-1", "pass-1", null));
        assertThat(Pay.from(request, json, true).faultAt()).isEqualTo("deductPoints");
    }

    @Test
    void request_withoutIdempotencyKey_is400IdempotencyKeyMissing() {
        assertProblem(request(Map.of("X-Admission-Pass", "pass-1"), "{\"reservationId\":\"r-1\"}"), "idempotency-key-missing", 400);
    }

    @Test
    void request_withoutAPass_isRead_forTheGateToRefuseWith403() {
        assertThat(Pay.from(request(Map.of("Idempotency-Key", "k"), "{\"reservationId\":\"r-1\"}"), json, false).admissionPass())
                .isNull();
    }

    @Test
    void request_withoutReservationId_is400InvalidRequest_andMalformedBodyIs400Malformed() {
        assertProblem(request(Map.of("Idempotency-Key", "k", "X-Admission-Pass", "pass"), "{}"), "invalid-request", 400);
        assertProblem(request(Map.of("Idempotency-Key", "k", "X-Admission-Pass", "pass"), "{nope"), "malformed-request", 400);
    }

    @Test
    void answer_processing_is202WithLocation_othersAre200() {
        assertThat(PaymentAnswer.processing("r-1").httpStatus()).isEqualTo(202);
        assertThat(PaymentAnswer.processing("r-1").location()).isEqualTo("/bookings/r-1");
        assertThat(PaymentAnswer.confirmed("r-1").httpStatus()).isEqualTo(200);
        assertThat(PaymentAnswer.failed("r-1", "InsufficientPoints").httpStatus()).isEqualTo(200);
        assertThat(json.writeValueAsString(PaymentAnswer.processing("r-1")))
                .isEqualTo("{\"status\":\"PROCESSING\",\"reservationId\":\"r-1\"}");
    }

    private void assertProblem(HttpRequest request, String slug, int status) {
        assertThatThrownBy(() -> Pay.from(request, json, false)).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.type().slug()).isEqualTo(slug);
            assertThat(p.type().status()).isEqualTo(status);
        });
    }

    private static HttpRequest request(Map<String, String> headers, String body) {
        return new HttpRequest("POST /payments", "/payments", Map.of(), Map.of(), new HashMap<>(headers), body,
                new Caller("user-1"));
    }
}

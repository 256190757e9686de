package io.ticketflow.kernel.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.saga.StepFaultInjected;
import io.ticketflow.kernel.observe.Correlation;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.MDC;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SagaTaskFunctionTest {

    record Deduct(String operationId, long amount) {
    }

    private final JsonMapper json = KernelBeans.newJsonMapper();
    private final AtomicInteger actionRuns = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    private SagaTaskFunction<Deduct, String> task(boolean faultInjection) {
        return new SagaTaskFunction<>("deductPoints", Deduct.class, command -> {
            actionRuns.incrementAndGet();
            return command.operationId() + "/" + command.amount();
        }, json, faultInjection, failures::incrementAndGet);
    }

    @Test
    void payloadWithoutFault_convertsToTheInputTypeIgnoringUnknownFields() {
        String result = task(true).apply(payload("{\"operationId\":\"r-1:deduct\",\"amount\":30,\"extra\":true}"));

        assertThat(result).isEqualTo("r-1:deduct/30");
    }

    @Test
    void faultAtThisFunction_inSagaPaymentOutput_throwsStepFaultInjectedWithoutRunningTheAction() {
        assertThatThrownBy(() -> task(true).apply(payload(
                "{\"operationId\":\"r-1:deduct\",\"amount\":30,\"payment\":{\"faultAt\":\"deductPoints\"}}")))
                .isExactlyInstanceOf(StepFaultInjected.class)
                .hasMessage("fault injected at deductPoints");
        assertThat(actionRuns).hasValue(0);
    }

    @Test
    void faultAtThisFunction_atTopLevelInAList_throwsStepFaultInjected() {
        assertThatThrownBy(() -> task(true).apply(payload(
                "{\"operationId\":\"r-1:deduct\",\"amount\":30,\"faultAt\":\"releaseSeats, deductPoints\"}")))
                .isExactlyInstanceOf(StepFaultInjected.class);
    }

    @Test
    void faultAtAnotherFunction_runsTheAction() {
        String result = task(true).apply(payload(
                "{\"operationId\":\"r-1:deduct\",\"amount\":30,\"payment\":{\"faultAt\":\"confirmReservation\"}}"));

        assertThat(result).isEqualTo("r-1:deduct/30");
    }

    @Test
    void faultAtThisFunction_withSwitchOff_runsTheAction() {
        String result = task(false).apply(payload(
                "{\"operationId\":\"r-1:deduct\",\"amount\":30,\"faultAt\":\"deductPoints\"}"));

        assertThat(result).isEqualTo("r-1:deduct/30");
        assertThat(actionRuns).hasValue(1);
    }

    @Test
    void stepThatThrows_isReportedAsFailedOnce_andTheErrorReachesTheStateMachineUnchanged() {
        assertThatThrownBy(() -> task(true).apply(payload(
                "{\"reservationId\":\"r-1\",\"operationId\":\"r-1:deduct\",\"amount\":30,\"faultAt\":\"deductPoints\"}")))
                .isExactlyInstanceOf(StepFaultInjected.class);

        assertThat(failures).hasValue(1);
    }

    @Test
    void stepThatSucceeds_isNotReportedAsFailed() {
        task(true).apply(payload("{\"operationId\":\"r-1:deduct\",\"amount\":30}"));

        assertThat(failures).hasValue(0);
    }

    @Test
    void theBookingId_isTheCorrelationIdWhileTheStepRuns_andIsGoneAfterwards() {
        AtomicReference<String> seen = new AtomicReference<>();
        SagaTaskFunction<Deduct, String> task = new SagaTaskFunction<>("deductPoints", Deduct.class, command -> {
            seen.set(MDC.get(Correlation.KEY));
            return "ok";
        }, json, false, () -> { });

        task.apply(payload("{\"reservationId\":\"r-42\",\"operationId\":\"r-42:deduct\",\"amount\":30}"));

        assertThat(seen).hasValue("r-42");
        assertThat(MDC.get(Correlation.KEY)).isNull();
    }

    private JsonNode payload(String text) {
        return json.readTree(text);
    }
}

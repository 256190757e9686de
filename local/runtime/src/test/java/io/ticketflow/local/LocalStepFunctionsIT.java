package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.local.stepfunctions.ExecutionDescription;
import io.ticketflow.local.stepfunctions.ExecutionStatus;
import io.ticketflow.local.stepfunctions.StepFunctionsEmulator;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime's Step Functions wiring: a function's own {@code SfnClient} starts a saga on the in-process
 * emulator (endpoint and state machine ARN from its configuration), the emulator runs the step's function through
 * {@code FunctionInvoker}, a thrown saga error reaches the ASL's Catch under its class name, and the fault switch
 * the runtime turns on makes the step fail without running it.
 */
@ExtendWith(MotoExtension.class)
class LocalStepFunctionsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static LocalRuntime runtime;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = TestTopology.start(endpoint, TestTopology.saga());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @BeforeEach
    void clear() {
        Recorded.clear();
    }

    @Test
    void sagaStartedByAFunction_runsItsStepThroughFunctionInvoker_andSucceeds() throws Exception {
        ExecutionDescription end = runSaga("ok", false, null);

        assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(end.stateMachineArn()).isEqualTo(runtime.stateMachineArn(TestFunctions.TEST_SAGA));
        assertThat(JSON.readTree(end.output()).path("step").path("caseId").asString()).isEqualTo("ok");
        assertThat(Recorded.SAGA_STEPS).containsExactly("ok");
    }

    @Test
    void stepThrowingASagaError_reachesTheCatchNamingItsClass() throws Exception {
        ExecutionDescription end = runSaga("short", true, null);

        assertThat(end.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(end.error()).isEqualTo("InsufficientPoints");
        assertThat(Recorded.SAGA_STEPS).containsExactly("short");
    }

    @Test
    void faultAtTheStep_failsItWithStepFaultInjected_withoutRunningIt() throws Exception {
        ExecutionDescription end = runSaga("faulty", false, TestFunctions.SAGA_STEP);

        assertThat(end.error()).isEqualTo("FaultInjected");
        assertThat(Recorded.SAGA_STEPS).isEmpty();
    }

    private ExecutionDescription runSaga(String caseId, boolean throwing, String faultAt) throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("caseId", caseId);
        input.put("throwing", throwing);
        input.put("faultAt", faultAt);
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(runtime.baseUri() + "/test-sagas"))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(input))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String executionArn = JSON.readTree(started.body()).asString();
        StepFunctionsEmulator emulator = runtime.stepFunctions();
        return emulator.awaitCompletion(executionArn, Duration.ofSeconds(20));
    }
}

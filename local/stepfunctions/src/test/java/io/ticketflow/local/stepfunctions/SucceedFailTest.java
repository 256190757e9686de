package io.ticketflow.local.stepfunctions;

import static io.ticketflow.local.stepfunctions.EmulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Succeed and Fail states. */
class SucceedFailTest {

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void succeed_withInputAndOutputPath_endsTheExecutionWithThatOutput() throws Exception {
        String execution = fixture.start(Asl.single("""
                {"Type": "Succeed", "InputPath": "$.booking", "OutputPath": "$.id"}
                """), "{\"booking\": {\"id\": \"b-1\"}}");
        ExecutionDescription done = fixture.await(execution);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(done.output()).asString()).isEqualTo("b-1");
        assertThat(fixture.lastEvent(execution, "ExecutionSucceeded").details().get("output").asString())
                .isEqualTo("\"b-1\"");
    }

    @Test
    void fail_withErrorAndCause_failsTheExecution() throws Exception {
        String execution = fixture.start(Asl.single("""
                {"Type": "Fail", "Error": "HoldExpired", "Cause": "payment did not arrive in time"}
                """), "{}");
        ExecutionDescription done = fixture.await(execution);

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("HoldExpired");
        assertThat(done.cause()).isEqualTo("payment did not arrive in time");
        assertThat(fixture.eventTypes(execution)).containsExactly("ExecutionStarted", "FailStateEntered",
                "ExecutionFailed");
    }

    @Test
    void fail_withErrorPathAndIntrinsicCausePath_readsThemFromTheInput() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Fail", "ErrorPath": "$.error.Error",
                 "CausePath": "States.Format('step {} failed: {}', $.step, $.error.Cause)"}
                """), "{\"step\": \"DeductPoints\", \"error\": {\"Error\": \"InsufficientPoints\", \"Cause\": \"10 < 20\"}}");

        assertThat(done.error()).isEqualTo("InsufficientPoints");
        assertThat(done.cause()).isEqualTo("step DeductPoints failed: 10 < 20");
    }

    @Test
    void fail_errorPathNotAString_failsWithStatesRuntime() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Fail", "ErrorPath": "$.code"}
                """), "{\"code\": 42}");

        assertThat(done.error()).isEqualTo("States.Runtime");
    }
}

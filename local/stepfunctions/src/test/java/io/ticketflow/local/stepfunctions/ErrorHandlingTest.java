package io.ticketflow.local.stepfunctions;

import static io.ticketflow.local.stepfunctions.EmulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry (per-retrier counts, back-off, caps, jitter) and Catch (matching, error output, ResultPath). */
class ErrorHandlingTest {

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void retry_withBackoff_succeedsOnThirdAttempt() throws Exception {
        fixture.functions.failingThenReturning("Reserve", 2, "SeatBusy", "{\"seat\": \"A1\"}");
        String execution = fixture.start(Asl.single("""
                {"Type": "Task", "Resource": "%sReserve", "End": true,
                 "Retry": [{"ErrorEquals": ["SeatBusy"], "IntervalSeconds": 1, "BackoffRate": 2, "MaxAttempts": 3}]}
                """.formatted(Asl.LAMBDA)), "{}");

        assertThat(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)).isEqualTo(Duration.ofSeconds(1));
        assertThat(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)).isEqualTo(Duration.ofSeconds(2));
        ExecutionDescription done = fixture.await(execution);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(done.output())).isEqualTo(json("{\"seat\": \"A1\"}"));
        assertThat(fixture.functions.callsTo("Reserve")).hasSize(3);
        assertThat(fixture.eventTypes(execution)).containsExactly("ExecutionStarted", "TaskStateEntered",
                "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
                "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
                "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                "TaskStateExited", "ExecutionSucceeded");
        assertThat(fixture.emulator.stateTransitions(execution)).as("one state entered plus two retries")
                .isEqualTo(3);
    }

    @Test
    void retry_retryCountInContextObject_countsAttemptsSoFar() throws Exception {
        fixture.functions.failingThenReturning("Reserve", 1, "SeatBusy", "{}");
        String execution = fixture.start(Asl.single("""
                {"Type": "Task", "Resource": "%sReserve", "End": true,
                 "Parameters": {"attempt.$": "$$.State.RetryCount"},
                 "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1}]}
                """.formatted(Asl.LAMBDA)), "{}");
        fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT);
        fixture.await(execution);

        assertThat(fixture.functions.callsTo("Reserve")).extracting(call -> call.payload().get("attempt").asInt())
                .containsExactly(0, 1);
    }

    @Test
    void retry_maxAttemptsZero_neverRetriesThatError() throws Exception {
        fixture.functions.failingThenReturning("Pay", 5, "PaymentDeclined", "{}");
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Task", "Resource": "%sPay", "End": true,
                 "Retry": [{"ErrorEquals": ["PaymentDeclined"], "MaxAttempts": 0},
                           {"ErrorEquals": ["States.ALL"]}]}
                """.formatted(Asl.LAMBDA)), "{}");

        assertThat(done.error()).isEqualTo("PaymentDeclined");
        assertThat(fixture.functions.callsTo("Pay")).hasSize(1);
    }

    @Test
    void retry_maxDelaySeconds_capsTheBackoff() throws Exception {
        fixture.functions.failingThenReturning("Flaky", 3, "Transient", "{}");
        String execution = fixture.start(Asl.single("""
                {"Type": "Task", "Resource": "%sFlaky", "End": true,
                 "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 3, "BackoffRate": 10,
                            "MaxAttempts": 3, "MaxDelaySeconds": 5}]}
                """.formatted(Asl.LAMBDA)), "{}");

        assertThat(List.of(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT),
                fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT),
                fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)))
                .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(fixture.await(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void retry_countsPerRetrier_thenFallsBackToCatch() throws Exception {
        Iterator<String> errors = List.of("ErrorA", "ErrorB", "ErrorC", "ErrorB").iterator();
        fixture.functions.on("X", payload -> {
            throw new TaskFailure(errors.next(), "scripted");
        });
        String execution = fixture.start("""
                {"StartAt": "X", "States": {
                  "X": {"Type": "Task", "Resource": "%sX", "Next": "Y",
                        "Retry": [{"ErrorEquals": ["ErrorA", "ErrorB"], "IntervalSeconds": 1, "BackoffRate": 2,
                                   "MaxAttempts": 2},
                                  {"ErrorEquals": ["ErrorC"], "IntervalSeconds": 5}],
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Z"}]},
                  "Y": {"Type": "Succeed"},
                  "Z": {"Type": "Pass", "End": true}}}
                """.formatted(Asl.LAMBDA), "{}");

        assertThat(List.of(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT),
                fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT),
                fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)))
                .as("ErrorA and ErrorB share the first retrier's two attempts; ErrorC has its own")
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5));
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output())).isEqualTo(json("{\"Error\": \"ErrorB\", \"Cause\": \"scripted\"}"));
        assertThat(fixture.functions.callsTo("X")).hasSize(4);
    }

    @Test
    void retry_neverRetriesStatesRuntime() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true,
                 "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1}]}
                """), "{}");

        assertThat(done.error()).isEqualTo("States.Runtime");
        assertThat(done.cause()).contains("not supported by the local Step Functions emulator");
        assertThat(fixture.clock.pendingTimers()).isZero();
    }

    @Test
    void catch_matchesErrorName_routesToFallbackWithErrorInResultPath() throws Exception {
        fixture.functions.on("Pay", payload -> {
            throw new TaskFailure("PaymentDeclined", "card expired");
        });
        String execution = fixture.start("""
                {"StartAt": "Pay", "States": {
                  "Pay": {"Type": "Task", "Resource": "%sPay", "Next": "Done",
                          "Catch": [{"ErrorEquals": ["InsufficientPoints"], "Next": "Other"},
                                    {"ErrorEquals": ["PaymentDeclined"], "ResultPath": "$.error", "Next": "Release"}]},
                  "Release": {"Type": "Pass", "End": true},
                  "Other": {"Type": "Fail"},
                  "Done": {"Type": "Succeed"}}}
                """.formatted(Asl.LAMBDA), "{\"reservationId\": \"r-1\"}");
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output())).isEqualTo(json("""
                {"reservationId": "r-1", "error": {"Error": "PaymentDeclined", "Cause": "card expired"}}"""));
        assertThat(fixture.eventTypes(execution)).containsExactly("ExecutionStarted", "TaskStateEntered",
                "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed", "TaskStateExited",
                "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        assertThat(fixture.lastEvent(execution, "LambdaFunctionFailed").details())
                .isEqualTo(json("{\"error\": \"PaymentDeclined\", \"cause\": \"card expired\"}"));
    }

    @Test
    void catch_withoutResultPath_replacesTheInputWithTheErrorOutput() throws Exception {
        fixture.functions.on("Pay", payload -> {
            throw new TaskFailure("PaymentDeclined", "card expired");
        });
        ExecutionDescription done = fixture.run("""
                {"StartAt": "Pay", "States": {
                  "Pay": {"Type": "Task", "Resource": "%sPay", "End": true,
                          "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Handle"}]},
                  "Handle": {"Type": "Pass", "End": true}}}
                """.formatted(Asl.LAMBDA), "{\"keep\": false}");

        assertThat(json(done.output()))
                .isEqualTo(json("{\"Error\": \"PaymentDeclined\", \"Cause\": \"card expired\"}"));
    }

    @Test
    void catch_taskFailedWildcard_doesNotCatchATimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        fixture.functions.on("Slow", payload -> {
            awaitQuietly(release);
            return json("{}");
        });
        String execution = fixture.start("""
                {"StartAt": "Slow", "States": {
                  "Slow": {"Type": "Task", "Resource": "%sSlow", "TimeoutSeconds": 30, "End": true,
                           "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Handle"}]},
                  "Handle": {"Type": "Pass", "End": true}}}
                """.formatted(Asl.LAMBDA), "{}");

        assertThat(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)).isEqualTo(Duration.ofSeconds(30));
        ExecutionDescription done = fixture.await(execution);
        release.countDown();

        assertThat(done.error()).isEqualTo("States.Timeout");
        assertThat(fixture.eventTypes(execution)).contains("LambdaFunctionTimedOut").doesNotContain("PassStateEntered");
    }

    @Test
    void javaException_fromAFunction_isMatchedByItsClassName_withTheErrorResponseAsCause() throws Exception {
        fixture.functions.on("Confirm", payload -> {
            throw new IllegalStateException("reservation expired");
        });
        ExecutionDescription done = fixture.run("""
                {"StartAt": "Confirm", "States": {
                  "Confirm": {"Type": "Task", "Resource": "%s", "End": true,
                              "Parameters": {"FunctionName": "Confirm", "Payload": {}},
                              "Catch": [{"ErrorEquals": ["java.lang.IllegalStateException"], "Next": "Undo"}]},
                  "Undo": {"Type": "Pass", "End": true}}}
                """.formatted(Asl.INVOKE), "{}");

        assertThat(json(done.output()).get("Error").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json(json(done.output()).get("Cause").asString()).get("errorMessage").asString())
                .isEqualTo("reservation expired");
    }

    @Test
    void taskFailure_fromALambdaErrorResponse_usesItsErrorType() {
        TaskFailure failure = TaskFailure.fromErrorResponse(
                json("{\"errorType\": \"InsufficientPoints\", \"errorMessage\": \"balance 10 < 20\"}"));

        assertThat(failure.error()).isEqualTo("InsufficientPoints");
        assertThat(json(failure.cause()).get("errorMessage").asString()).isEqualTo("balance 10 < 20");
    }

    @Test
    void uncaughtError_failsTheExecution_withErrorAndCauseInHistory() throws Exception {
        fixture.functions.on("Pay", payload -> {
            throw new TaskFailure("PaymentDeclined", "card expired");
        });
        String execution = fixture.start(Asl.single("""
                {"Type": "Task", "Resource": "%sPay", "End": true}
                """.formatted(Asl.LAMBDA)), "{}");
        ExecutionDescription done = fixture.await(execution);

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("PaymentDeclined");
        assertThat(done.cause()).isEqualTo("card expired");
        assertThat(fixture.lastEvent(execution, "ExecutionFailed").details())
                .isEqualTo(json("{\"error\": \"PaymentDeclined\", \"cause\": \"card expired\"}"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

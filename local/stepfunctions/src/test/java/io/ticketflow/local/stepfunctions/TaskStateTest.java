package io.ticketflow.local.stepfunctions;

import static io.ticketflow.local.stepfunctions.EmulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Task states: the Lambda resource forms, their history events, timeouts and the callback pattern. */
class TaskStateTest {

    private static final String AWAIT_PAYMENT = """
            {"StartAt": "AwaitPayment", "States": {
              "AwaitPayment": {"Type": "Task", "Resource": "%s", "TimeoutSeconds": 300, "ResultPath": "$.payment",
                               "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:StoreToken",
                                              "Payload": {"token.$": "$$.Task.Token", "reservationId.$": "$.id"}},
                               "Next": "Done",
                               "Catch": [{"ErrorEquals": ["PaymentFailed"], "ResultPath": "$.error", "Next": "Release"}]},
              "Release": {"Type": "Pass", "End": true},
              "Done": {"Type": "Succeed"}}}
            """.formatted(Asl.INVOKE_WAIT);

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void lambdaArnResource_callsTheFunctionByName_andRecordsLambdaFunctionEvents() throws Exception {
        fixture.functions.returning("Hold", "{\"held\": true}");
        String execution = fixture.start(Asl.single("""
                {"Type": "Task", "Resource": "%sHold:live", "TimeoutSeconds": 10, "End": true}
                """.formatted(Asl.LAMBDA)), "{\"seat\": \"A1\"}");
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output())).isEqualTo(json("{\"held\": true}"));
        assertThat(fixture.functions.calls()).extracting(RecordingInvoker.Call::function).containsExactly("Hold");
        assertThat(fixture.eventTypes(execution)).containsExactly("ExecutionStarted", "TaskStateEntered",
                "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited",
                "ExecutionSucceeded");
        HistoryEvent scheduled = fixture.lastEvent(execution, "LambdaFunctionScheduled");
        assertThat(scheduled.detailsName()).isEqualTo("lambdaFunctionScheduledEventDetails");
        assertThat(scheduled.details().get("resource").asString()).isEqualTo(Asl.LAMBDA + "Hold:live");
        assertThat(json(scheduled.details().get("input").asString())).isEqualTo(json("{\"seat\": \"A1\"}"));
        assertThat(scheduled.details().get("timeoutInSeconds").asInt()).isEqualTo(10);
    }

    @Test
    void lambdaInvokeIntegration_sendsPayload_andWrapsTheResultLikeTheInvokeApi() throws Exception {
        fixture.functions.returning("Quote", "{\"price\": 120}");
        String execution = fixture.start(Asl.single("""
                {"Type": "Task", "Resource": "%s", "End": true,
                 "Parameters": {"FunctionName": "123456789012:function:Quote", "Payload": {"seat.$": "$.seat"}}}
                """.formatted(Asl.INVOKE)), "{\"seat\": \"B2\"}");
        ExecutionDescription done = fixture.await(execution);

        assertThat(fixture.functions.calls().get(0).function()).isEqualTo("Quote");
        assertThat(fixture.functions.calls().get(0).payload()).isEqualTo(json("{\"seat\": \"B2\"}"));
        assertThat(json(done.output())).isEqualTo(json("""
                {"ExecutedVersion": "$LATEST", "Payload": {"price": 120}, "StatusCode": 200}"""));
        assertThat(fixture.eventTypes(execution)).containsExactly("ExecutionStarted", "TaskStateEntered",
                "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
        HistoryEvent scheduled = fixture.lastEvent(execution, "TaskScheduled");
        assertThat(scheduled.details().get("resourceType").asString()).isEqualTo("lambda");
        assertThat(scheduled.details().get("resource").asString()).isEqualTo("invoke");
        assertThat(scheduled.details().get("region").asString()).isEqualTo("us-east-1");
        assertThat(json(scheduled.details().get("parameters").asString())).isEqualTo(json("""
                {"FunctionName": "123456789012:function:Quote", "Payload": {"seat": "B2"}}"""));
    }

    @Test
    void unsupportedResource_failsWithStatesRuntime() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "End": true,
                 "Parameters": {"TableName": "t"}}
                """), "{}");

        assertThat(done.error()).isEqualTo("States.Runtime");
        assertThat(done.cause()).contains("arn:aws:states:::dynamodb:putItem");
    }

    @Test
    void timeoutSecondsPath_functionTooSlow_failsWithStatesTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        fixture.functions.on("Slow", payload -> {
            awaitQuietly(release);
            return json("{}");
        });
        String execution = fixture.start(Asl.single("""
                {"Type": "Task", "Resource": "%sSlow", "TimeoutSecondsPath": "$.limit", "End": true}
                """.formatted(Asl.LAMBDA)), "{\"limit\": 7}");

        assertThat(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)).isEqualTo(Duration.ofSeconds(7));
        ExecutionDescription done = fixture.await(execution);
        release.countDown();

        assertThat(done.error()).isEqualTo("States.Timeout");
        assertThat(fixture.lastEvent(execution, "LambdaFunctionTimedOut").details().get("error").asString())
                .isEqualTo("States.Timeout");
    }

    @Test
    void waitForTaskToken_resumedBySendTaskSuccess_continuesWithTheSentOutput() throws Exception {
        fixture.functions.returning("StoreToken", "{\"stored\": true}");
        String execution = fixture.start(AWAIT_PAYMENT, "{\"id\": \"r-1\"}");

        String token = fixture.functions.nextToken();
        assertThat(fixture.functions.calls().get(0).payload().get("reservationId").asString()).isEqualTo("r-1");
        assertThat(fixture.emulator.describeExecution(execution).status()).isEqualTo(ExecutionStatus.RUNNING);
        fixture.emulator.sendTaskSuccess(token, "{\"paymentId\": \"p-9\"}");
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output())).isEqualTo(json("{\"id\": \"r-1\", \"payment\": {\"paymentId\": \"p-9\"}}"));
        assertThat(fixture.eventTypes(execution)).containsExactly("ExecutionStarted", "TaskStateEntered",
                "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited",
                "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded");
        assertThat(json(fixture.lastEvent(execution, "TaskSubmitted").details().get("output").asString())
                .get("Payload")).isEqualTo(json("{\"stored\": true}"));
        assertThat(fixture.lastEvent(execution, "TaskScheduled").details().get("resource").asString())
                .isEqualTo("invoke.waitForTaskToken");
    }

    @Test
    void waitForTaskToken_sendTaskFailure_routesIntoTheCatch() throws Exception {
        fixture.functions.returning("StoreToken", "{}");
        String execution = fixture.start(AWAIT_PAYMENT, "{\"id\": \"r-2\"}");

        fixture.emulator.sendTaskFailure(fixture.functions.nextToken(), "PaymentFailed", "card declined");
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output())).isEqualTo(json("""
                {"id": "r-2", "error": {"Error": "PaymentFailed", "Cause": "card declined"}}"""));
        assertThat(fixture.lastEvent(execution, "TaskFailed").details()).isEqualTo(json("""
                {"resourceType": "lambda", "resource": "invoke.waitForTaskToken",
                 "error": "PaymentFailed", "cause": "card declined"}"""));
    }

    @Test
    void waitForTaskToken_notResumedInTime_failsWithStatesTimeout() throws Exception {
        fixture.functions.returning("StoreToken", "{}");
        String execution = fixture.start(AWAIT_PAYMENT, "{\"id\": \"r-3\"}");
        String token = fixture.functions.nextToken();

        assertThat(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)).isEqualTo(Duration.ofSeconds(300));
        ExecutionDescription done = fixture.await(execution);

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("States.Timeout");
        assertThat(fixture.eventTypes(execution)).contains("TaskTimedOut");
        assertThatThrownBy(() -> fixture.emulator.sendTaskSuccess(token, "{}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("TaskTimedOut"));
    }

    @Test
    void waitForTaskToken_heartbeatsKeepItAlive_andMissingOneFailsWithHeartbeatTimeout() throws Exception {
        fixture.functions.returning("Work", "{}");
        String execution = fixture.start(Asl.single("""
                {"Type": "Task", "Resource": "%s", "TimeoutSeconds": 100, "HeartbeatSeconds": 10, "End": true,
                 "Parameters": {"FunctionName": "Work", "Payload": {"token.$": "$$.Task.Token"}}}
                """.formatted(Asl.INVOKE_WAIT)), "{}");
        String token = fixture.functions.nextToken();

        awaitTimers(2);
        fixture.clock.advance(Duration.ofSeconds(8));
        fixture.emulator.sendTaskHeartbeat(token);
        fixture.clock.advance(Duration.ofSeconds(8));
        assertThat(fixture.emulator.describeExecution(execution).status())
                .as("16 s after start, but only 8 s after the heartbeat").isEqualTo(ExecutionStatus.RUNNING);
        awaitTimers(2);
        fixture.clock.advance(Duration.ofSeconds(3));
        ExecutionDescription done = fixture.await(execution);

        assertThat(done.error()).isEqualTo("States.HeartbeatTimeout");
        assertThat(fixture.lastEvent(execution, "TaskScheduled").details().get("heartbeatInSeconds").asInt())
                .isEqualTo(10);
    }

    @Test
    void sendTask_withUnknownMalformedOrRepeatedToken_isRefusedWithTheAwsErrorCode() throws Exception {
        fixture.functions.returning("StoreToken", "{}");
        fixture.start(AWAIT_PAYMENT, "{\"id\": \"r-4\"}");
        String token = fixture.functions.nextToken();
        fixture.emulator.sendTaskSuccess(token, "{}");

        assertThat(errorCode(() -> fixture.emulator.sendTaskSuccess(token, "{}"))).isEqualTo("TaskTimedOut");
        assertThat(errorCode(() -> fixture.emulator.sendTaskHeartbeat("not a token"))).isEqualTo("InvalidToken");
        assertThat(errorCode(() -> fixture.emulator.sendTaskFailure("A".repeat(64), "E", "c")))
                .isEqualTo("TaskDoesNotExist");
    }

    @Test
    void sendTaskSuccess_withInvalidJson_isRefusedWithInvalidOutput() throws Exception {
        fixture.functions.returning("StoreToken", "{}");
        fixture.start(AWAIT_PAYMENT, "{\"id\": \"r-5\"}");
        String token = fixture.functions.nextToken();

        assertThat(errorCode(() -> fixture.emulator.sendTaskSuccess(token, "{oops"))).isEqualTo("InvalidOutput");
    }

    @Test
    void waitForTaskToken_functionError_failsTheTaskWithoutWaiting() throws Exception {
        fixture.functions.on("StoreToken", payload -> {
            throw new TaskFailure("PaymentFailed", "could not store the token");
        });
        ExecutionDescription done = fixture.await(fixture.start(AWAIT_PAYMENT, "{\"id\": \"r-6\"}"));

        assertThat(json(done.output()).get("error").get("Error").asString()).isEqualTo("PaymentFailed");
    }

    private void awaitTimers(int count) throws InterruptedException {
        long giveUp = System.nanoTime() + EmulatorFixture.AWAIT.toNanos();
        while (fixture.clock.pendingTimers() < count) {
            assertThat(System.nanoTime()).as("%d timers pending", count).isLessThan(giveUp);
            Thread.sleep(2);
        }
    }

    private static String errorCode(Runnable call) {
        try {
            call.run();
        } catch (StepFunctionsException e) {
            return e.errorCode();
        }
        throw new AssertionError("expected a StepFunctionsException");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

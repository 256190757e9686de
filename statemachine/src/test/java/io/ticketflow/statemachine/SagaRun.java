package io.ticketflow.statemachine;

import io.ticketflow.local.stepfunctions.ExecutionDescription;
import io.ticketflow.local.stepfunctions.HistoryEvent;
import io.ticketflow.local.stepfunctions.ManualTimeSource;
import io.ticketflow.local.stepfunctions.StepFunctionsEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One saga definition on the local emulator with fake functions and a manual clock: retry back-off and the
 * payment timeout run without real waiting. Function ARNs are the local ones the runtime substitutes.
 */
final class SagaRun implements AutoCloseable {

    static final String BOOKING_INPUT = """
            {"reservationId":"r-1","userId":"user-7","concertId":"concert-1","scheduleId":"s-1",
             "seatNos":[3,4],"totalPrice":30,"queueToken":"qt-1","holdSeconds":300}""";
    /** The price 30 split as 10 points and 20 by card, as {@code POST /payments} resumes the saga. */
    static final String PAYMENT = payment(null);

    static String payment(String faultAt) {
        return "{\"paymentRequestId\":\"pr-1\",\"idempotencyKey\":\"key-1\",\"faultAt\":"
                + (faultAt == null ? "null" : "\"" + faultAt + "\"")
                + ",\"pointsToUse\":10,\"cardAmount\":20,\"paymentMethod\":\"tok_approve\"}";
    }

    final SagaFunctionFakes functions = new SagaFunctionFakes();
    final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-11-25T18:00:00Z"));
    private final StepFunctionsEmulator emulator = StepFunctionsEmulator.builder()
            .taskInvoker(functions).timeSource(time).build();
    private final String stateMachineArn;
    private String executionArn;

    SagaRun(SagaDefinition definition) {
        this.stateMachineArn = emulator.createStateMachine(definition.name(),
                definition.withFunctionArns(name -> "arn:aws:lambda:us-east-1:123456789012:function:" + name), null);
    }

    SagaRun start(String input) {
        executionArn = emulator.startExecution(stateMachineArn, "r-1", input).executionArn();
        return this;
    }

    /** What POST /payments does once the user pays: resume the parked AwaitPayment. */
    SagaRun pay(String output) throws InterruptedException {
        emulator.sendTaskSuccess(functions.nextTaskToken(), output);
        return this;
    }

    /**
     * Lets the execution run to its end, moving the manual clock whenever it waits on a timer of its own (a
     * retry back-off, the payment timeout); the execution-wide TimeoutSeconds timer is always pending, so only
     * a second timer means the execution itself is waiting.
     */
    ExecutionDescription finish() throws InterruptedException, TimeoutException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                return emulator.awaitCompletion(executionArn, Duration.ofMillis(20));
            } catch (TimeoutException stillRunning) {
                if (time.pendingTimers() > 1) {
                    time.advanceToNextTimer(Duration.ofSeconds(1));
                }
            }
        }
        throw new TimeoutException(executionArn + " did not finish within 10 s of real time; calls: "
                + functions.sequence());
    }

    long transitions() {
        return emulator.stateTransitions(executionArn);
    }

    List<HistoryEvent> history() {
        return emulator.getExecutionHistory(executionArn);
    }

    @Override
    public void close() {
        emulator.close();
    }
}

package io.ticketflow.local.stepfunctions;

import static io.ticketflow.local.stepfunctions.EmulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The execution API: idempotent starts, describe/list/history, stop, timeouts, shutdown, transition counts. */
class ExecutionLifecycleTest {

    private static final String AWAIT_TOKEN = Asl.single("""
            {"Type": "Task", "Resource": "%s", "End": true,
             "Parameters": {"FunctionName": "Hold", "Payload": {"token.$": "$$.Task.Token"}}}
            """.formatted(Asl.INVOKE_WAIT));

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void startExecution_sameNameAndInputWhileRunning_returnsTheRunningExecution() throws Exception {
        fixture.functions.returning("Hold", "{}");
        String machine = fixture.create(AWAIT_TOKEN);
        ExecutionDescription first = fixture.emulator.startExecution(machine, "res-1", "{\"seat\": \"A1\"}");
        fixture.functions.nextToken();

        ExecutionDescription again = fixture.emulator.startExecution(machine, "res-1", "{ \"seat\" : \"A1\" }");

        assertThat(again.executionArn()).isEqualTo(first.executionArn());
        assertThat(again.startDate()).isEqualTo(first.startDate());
        assertThat(fixture.functions.callsTo("Hold")).hasSize(1);
    }

    @Test
    void startExecution_sameNameOtherInput_isRefusedWithExecutionAlreadyExists() throws Exception {
        fixture.functions.returning("Hold", "{}");
        String machine = fixture.create(AWAIT_TOKEN);
        fixture.emulator.startExecution(machine, "res-2", "{\"seat\": \"A1\"}");

        assertThatThrownBy(() -> fixture.emulator.startExecution(machine, "res-2", "{\"seat\": \"B7\"}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("ExecutionAlreadyExists"));
    }

    @Test
    void startExecution_nameOfAnEndedExecution_isRefusedWithExecutionAlreadyExists() throws Exception {
        String machine = fixture.create(Asl.single("{\"Type\": \"Succeed\"}"));
        fixture.await(fixture.emulator.startExecution(machine, "res-3", "{}").executionArn());

        assertThatThrownBy(() -> fixture.emulator.startExecution(machine, "res-3", "{}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("ExecutionAlreadyExists"));
    }

    @Test
    void startExecution_withBadNameOrInputOrMachine_isRefusedWithTheAwsErrorCode() {
        String machine = fixture.create(Asl.single("{\"Type\": \"Succeed\"}"));

        assertThat(errorCode(() -> fixture.emulator.startExecution(machine, "has space", "{}")))
                .isEqualTo("InvalidName");
        assertThat(errorCode(() -> fixture.emulator.startExecution(machine, "ok", "{not json")))
                .isEqualTo("InvalidExecutionInput");
        assertThat(errorCode(() -> fixture.emulator.startExecution(machine + "-gone", "ok", "{}")))
                .isEqualTo("StateMachineDoesNotExist");
        assertThat(errorCode(() -> fixture.emulator.startExecution("machine", "ok", "{}"))).isEqualTo("InvalidArn");
        assertThat(errorCode(() -> fixture.emulator.describeExecution(
                "arn:aws:states:us-east-1:123456789012:execution:nope:nope"))).isEqualTo("ExecutionDoesNotExist");
    }

    @Test
    void describeAndList_reportStatusDatesAndOutput_newestFirst() throws Exception {
        String machine = fixture.create(Asl.single("{\"Type\": \"Pass\", \"Result\": {\"ok\": true}, \"End\": true}"));
        ExecutionDescription first = fixture.emulator.startExecution(machine, "first", "{}");
        fixture.await(first.executionArn());
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.functions.returning("Hold", "{}");
        String waitingMachine = fixture.create(AWAIT_TOKEN);
        ExecutionDescription second = fixture.emulator.startExecution(machine, "second", "{}");
        fixture.await(second.executionArn());
        fixture.emulator.startExecution(waitingMachine, "elsewhere", "{}");

        ExecutionDescription described = fixture.emulator.describeExecution(first.executionArn());
        assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(described.executionArn())
                .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:" + machineName(machine) + ":first");
        assertThat(json(described.output())).isEqualTo(json("{\"ok\": true}"));
        assertThat(described.stopDate()).isNotNull();
        assertThat(fixture.emulator.listExecutions(machine, null)).extracting(ExecutionDescription::name)
                .containsExactly("second", "first");
        assertThat(fixture.emulator.listExecutions(machine, ExecutionStatus.RUNNING)).isEmpty();
        assertThat(fixture.emulator.listExecutions(waitingMachine, ExecutionStatus.RUNNING)).hasSize(1);
    }

    @Test
    void stopExecution_whileWaitingForAToken_abortsIt_andClosesTheToken() throws Exception {
        fixture.functions.returning("Hold", "{}");
        String execution = fixture.start(AWAIT_TOKEN, "{}");
        String token = fixture.functions.nextToken();

        ExecutionDescription stopped = fixture.emulator.stopExecution(execution, "Cancelled", "user left");

        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(fixture.await(execution).error()).isEqualTo("Cancelled");
        assertThat(fixture.eventTypes(execution)).last().isEqualTo("ExecutionAborted");
        assertThat(fixture.lastEvent(execution, "ExecutionAborted").details())
                .isEqualTo(json("{\"error\": \"Cancelled\", \"cause\": \"user left\"}"));
        assertThat(errorCode(() -> fixture.emulator.sendTaskSuccess(token, "{}"))).isEqualTo("TaskTimedOut");
    }

    @Test
    void executionTimeoutSeconds_elapsed_endsTheExecutionTimedOut() throws Exception {
        fixture.functions.returning("Hold", "{}");
        String execution = fixture.start("""
                {"TimeoutSeconds": 60, "StartAt": "S", "States": {"S": {"Type": "Task", "Resource": "%s",
                  "End": true, "Parameters": {"FunctionName": "Hold", "Payload": {"token.$": "$$.Task.Token"}}}}}
                """.formatted(Asl.INVOKE_WAIT), "{}");
        fixture.functions.nextToken();

        assertThat(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)).isEqualTo(Duration.ofSeconds(60));
        ExecutionDescription done = fixture.await(execution);

        assertThat(done.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(fixture.eventTypes(execution)).last().isEqualTo("ExecutionTimedOut");
    }

    @Test
    void history_numbersEventsFromOne_andChainsPreviousEventIds() throws Exception {
        fixture.functions.returning("Work", "{\"done\": true}");
        String execution = fixture.start("""
                {"StartAt": "First", "States": {
                  "First": {"Type": "Pass", "Next": "Work"},
                  "Work": {"Type": "Task", "Resource": "%sWork", "End": true}}}
                """.formatted(Asl.LAMBDA), "{\"in\": 1}");
        fixture.await(execution);

        List<HistoryEvent> history = fixture.emulator.getExecutionHistory(execution);
        assertThat(history).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(history).extracting(HistoryEvent::previousEventId)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(history.get(0).detailsName()).isEqualTo("executionStartedEventDetails");
        assertThat(json(history.get(0).details().get("input").asString())).isEqualTo(json("{\"in\": 1}"));
        assertThat(history.get(1).details().get("name").asString()).isEqualTo("First");
        assertThat(history).extracting(HistoryEvent::timestamp).allMatch(fixture.clock.now()::equals);
    }

    @Test
    void stateTransitions_countEveryStateEntered() throws Exception {
        String execution = fixture.start("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "B"},
                  "B": {"Type": "Choice", "Choices": [{"Variable": "$.go", "BooleanEquals": true, "Next": "C"}],
                        "Default": "D"},
                  "C": {"Type": "Pass", "Next": "D"},
                  "D": {"Type": "Succeed"}}}
                """, "{\"go\": true}");
        fixture.await(execution);

        assertThat(fixture.emulator.stateTransitions(execution)).isEqualTo(4);
    }

    @Test
    void createStateMachine_sameDefinitionAgain_returnsTheSameArn_butAnotherDefinitionConflicts() {
        String definition = Asl.single("{\"Type\": \"Succeed\"}");
        String arn = fixture.emulator.createStateMachine("saga", definition, null);

        assertThat(fixture.emulator.createStateMachine("saga", definition, null)).isEqualTo(arn);
        assertThat(errorCode(() -> fixture.emulator.createStateMachine("saga", Asl.single("{\"Type\": \"Fail\"}"),
                null))).isEqualTo("StateMachineAlreadyExists");
        assertThat(fixture.emulator.listStateMachines()).extracting(StateMachineDescription::stateMachineArn)
                .containsExactly(arn);
    }

    @Test
    void close_abortsRunningExecutions() throws Exception {
        fixture.functions.returning("Hold", "{}");
        String execution = fixture.start(AWAIT_TOKEN, "{}");
        fixture.functions.nextToken();

        fixture.emulator.close();

        assertThat(fixture.emulator.describeExecution(execution).status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void awaitCompletion_ofARunningExecution_timesOut() throws Exception {
        fixture.functions.returning("Hold", "{}");
        String execution = fixture.start(AWAIT_TOKEN, "{}");

        assertThatThrownBy(() -> fixture.emulator.awaitCompletion(execution, Duration.ofMillis(50)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("RUNNING");
    }

    private static String machineName(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private static String errorCode(Runnable call) {
        try {
            call.run();
        } catch (StepFunctionsException e) {
            return e.errorCode();
        }
        throw new AssertionError("expected a StepFunctionsException");
    }
}

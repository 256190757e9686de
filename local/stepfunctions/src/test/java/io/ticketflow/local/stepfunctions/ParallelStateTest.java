package io.ticketflow.local.stepfunctions;

import static io.ticketflow.local.stepfunctions.EmulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Parallel states: outputs in branch order, failure of one branch stops the others and fails the state. */
class ParallelStateTest {

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void branches_runOnTheSameInput_andTheOutputIsTheirResultsInBranchOrder() throws Exception {
        fixture.functions.on("Add", payload -> json(String.valueOf(payload.get(0).asInt() + payload.get(1).asInt())));
        fixture.functions.on("Subtract",
                payload -> json(String.valueOf(payload.get(0).asInt() - payload.get(1).asInt())));
        String execution = fixture.start("""
                {"StartAt": "FunWithMath", "States": {
                  "FunWithMath": {"Type": "Parallel", "End": true, "ResultPath": "$.results",
                    "Parameters": {"numbers.$": "$.numbers"},
                    "ResultSelector": {"sum.$": "$[0]", "difference.$": "$[1]"},
                    "Branches": [
                      {"StartAt": "Add", "States": {"Add": {"Type": "Task", "Resource": "%1$sAdd",
                                                            "InputPath": "$.numbers", "End": true}}},
                      {"StartAt": "Subtract", "States": {"Subtract": {"Type": "Task", "Resource": "%1$sSubtract",
                                                                      "InputPath": "$.numbers", "End": true}}}]}}}
                """.formatted(Asl.LAMBDA), "{\"numbers\": [3, 2]}");
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output()))
                .isEqualTo(json("{\"numbers\": [3, 2], \"results\": {\"sum\": 5, \"difference\": 1}}"));
        assertThat(fixture.eventTypes(execution)).startsWith("ExecutionStarted", "ParallelStateEntered",
                "ParallelStateStarted").endsWith("ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded");
        assertThat(fixture.emulator.stateTransitions(execution)).isEqualTo(3);
    }

    @Test
    void failingBranch_stopsTheOthers_andItsErrorIsCaughtOnTheParallelState() throws Exception {
        fixture.functions.returning("StoreToken", "{}");
        String execution = fixture.start("""
                {"StartAt": "Both", "States": {
                  "Both": {"Type": "Parallel", "Next": "Done",
                    "Catch": [{"ErrorEquals": ["SeatUnavailable"], "ResultPath": "$.failure", "Next": "Compensate"}],
                    "Branches": [
                      {"StartAt": "Wait", "States": {"Wait": {"Type": "Task", "Resource": "%s", "End": true,
                         "Parameters": {"FunctionName": "StoreToken", "Payload": {"token.$": "$$.Task.Token"}}}}},
                      {"StartAt": "Hold", "States": {
                         "Hold": {"Type": "Wait", "Seconds": 5, "Next": "Refuse"},
                         "Refuse": {"Type": "Fail", "Error": "SeatUnavailable", "Cause": "taken"}}}]},
                  "Compensate": {"Type": "Pass", "End": true},
                  "Done": {"Type": "Succeed"}}}
                """.formatted(Asl.INVOKE_WAIT), "{\"seat\": \"A1\"}");
        String token = fixture.functions.nextToken();
        fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT);
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output())).isEqualTo(json("""
                {"seat": "A1", "failure": {"Error": "SeatUnavailable", "Cause": "taken"}}"""));
        assertThat(fixture.eventTypes(execution)).contains("FailStateEntered", "ParallelStateFailed",
                "ParallelStateExited", "PassStateEntered");
        assertThatThrownBy(() -> fixture.emulator.sendTaskSuccess(token, "{}")).as("the waiting branch was stopped")
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("TaskTimedOut"));
    }

    @Test
    void failingBranch_withoutCatch_failsTheExecutionWithTheBranchError() throws Exception {
        ExecutionDescription done = fixture.run("""
                {"StartAt": "Both", "States": {
                  "Both": {"Type": "Parallel", "End": true, "Branches": [
                    {"StartAt": "Ok", "States": {"Ok": {"Type": "Pass", "End": true}}},
                    {"StartAt": "Bad", "States": {"Bad": {"Type": "Fail", "Error": "Boom", "Cause": "branch 2"}}}]}}}
                """, "{}");

        assertThat(done.error()).isEqualTo("Boom");
        assertThat(done.cause()).isEqualTo("branch 2");
    }

    @Test
    void retry_onTheParallelState_reRunsAllBranches() throws Exception {
        fixture.functions.failingThenReturning("Flaky", 1, "Transient", "\"ok\"");
        fixture.functions.returning("Steady", "\"fine\"");
        String execution = fixture.start("""
                {"StartAt": "Both", "States": {
                  "Both": {"Type": "Parallel", "End": true,
                    "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 2}],
                    "Branches": [
                      {"StartAt": "F", "States": {"F": {"Type": "Task", "Resource": "%1$sFlaky", "End": true}}},
                      {"StartAt": "S", "States": {"S": {"Type": "Task", "Resource": "%1$sSteady", "End": true}}}]}}}
                """.formatted(Asl.LAMBDA), "{}");

        assertThat(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)).isEqualTo(Duration.ofSeconds(2));
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output())).isEqualTo(json("[\"ok\", \"fine\"]"));
        assertThat(fixture.functions.callsTo("Flaky")).hasSize(2);
        assertThat(fixture.functions.callsTo("Steady")).as("the first run may be stopped before it calls")
                .hasSizeBetween(1, 2);
    }
}

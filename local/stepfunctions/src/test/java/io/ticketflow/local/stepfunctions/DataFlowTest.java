package io.ticketflow.local.stepfunctions;

import static io.ticketflow.local.stepfunctions.EmulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Input and output processing in the AWS order: InputPath, Parameters (with the context object), the task,
 * ResultSelector, ResultPath (into the raw input), OutputPath.
 */
class DataFlowTest {

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void inputPath_selectsSubtree_whichTheTaskReceives() throws Exception {
        fixture.functions.echoing("Echo");
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Task", "Resource": "%sEcho", "InputPath": "$.order", "End": true}
                """.formatted(Asl.LAMBDA)), """
                {"order": {"id": 7}, "user": "u1"}""");

        assertThat(fixture.functions.calls().get(0).payload()).isEqualTo(json("{\"id\": 7}"));
        assertThat(json(done.output())).isEqualTo(json("{\"id\": 7}"));
    }

    @Test
    void inputPathNull_givesTheTaskAnEmptyObject() throws Exception {
        fixture.functions.echoing("Echo");
        fixture.run(Asl.single("""
                {"Type": "Task", "Resource": "%sEcho", "InputPath": null, "End": true}
                """.formatted(Asl.LAMBDA)), "{\"a\": 1}");

        assertThat(fixture.functions.calls().get(0).payload()).isEqualTo(json("{}"));
    }

    @Test
    void parameters_withPathsAndContextObject_buildTheTaskPayload() throws Exception {
        fixture.functions.returning("Book", "{}");
        String arn = fixture.emulator.createStateMachine("booking", Asl.single("""
                {"Type": "Task", "Resource": "%sBook", "End": true,
                 "Parameters": {
                   "seat.$": "$.seat",
                   "fixed": {"nested": [1, {"user.$": "$.user"}]},
                   "executionId.$": "$$.Execution.Id",
                   "executionName.$": "$$.Execution.Name",
                   "executionInput.$": "$$.Execution.Input",
                   "startTime.$": "$$.Execution.StartTime",
                   "state.$": "$$.State.Name",
                   "entered.$": "$$.State.EnteredTime",
                   "retries.$": "$$.State.RetryCount",
                   "machine.$": "$$.StateMachine.Id",
                   "machineName.$": "$$.StateMachine.Name"}}
                """.formatted(Asl.LAMBDA)), null);
        String input = "{\"seat\": \"A-1\", \"user\": \"u1\"}";
        ExecutionDescription started = fixture.emulator.startExecution(arn, "res-1", input);
        fixture.await(started.executionArn());

        assertThat(fixture.functions.calls().get(0).payload()).isEqualTo(json("""
                {"seat": "A-1", "fixed": {"nested": [1, {"user": "u1"}]},
                 "executionId": "%s", "executionName": "res-1", "executionInput": %s,
                 "startTime": "2026-03-01T10:00:00Z", "state": "S", "entered": "2026-03-01T10:00:00Z",
                 "retries": 0, "machine": "%s", "machineName": "booking"}
                """.formatted(started.executionArn(), input, arn)));
    }

    @Test
    void parameters_pathNotInInput_failsWithParameterPathFailure() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Pass", "Parameters": {"x.$": "$.missing"}, "End": true}
                """), "{}");

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("States.ParameterPathFailure");
        assertThat(done.cause()).contains("$.missing", "'x.$'");
    }

    @Test
    void parameters_withFilterAndWildcardPaths_yieldArrays() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Pass", "End": true, "Parameters": {
                  "ids.$": "$.seats[*].id",
                  "free.$": "$.seats[?(@.free == true)].id",
                  "none.$": "$.seats[?(@.price > 100)]"}}
                """), """
                {"seats": [{"id": "A1", "free": true, "price": 10}, {"id": "A2", "free": false, "price": 20}]}""");

        assertThat(json(done.output()))
                .isEqualTo(json("{\"ids\": [\"A1\", \"A2\"], \"free\": [\"A1\"], \"none\": []}"));
    }

    @Test
    void resultSelector_reshapesTheRawResult_beforeResultPath() throws Exception {
        fixture.functions.returning("Pay", "{\"paymentId\": \"p-1\", \"debug\": \"noise\"}");
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Task", "Resource": "%s", "End": true,
                 "Parameters": {"FunctionName": "Pay", "Payload": {}},
                 "ResultSelector": {"id.$": "$.Payload.paymentId", "status.$": "$.StatusCode"},
                 "ResultPath": "$.payment"}
                """.formatted(Asl.INVOKE)), "{\"order\": 1}");

        assertThat(json(done.output()))
                .isEqualTo(json("{\"order\": 1, \"payment\": {\"id\": \"p-1\", \"status\": 200}}"));
    }

    @Test
    void resultPath_nestedPath_mergesIntoRawInputCreatingMissingObjects() throws Exception {
        fixture.functions.returning("Quote", "42");
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Task", "Resource": "%sQuote", "InputPath": "$.order",
                 "ResultPath": "$.order.pricing.total", "End": true}
                """.formatted(Asl.LAMBDA)), "{\"order\": {\"id\": 1}, \"user\": \"u1\"}");

        assertThat(json(done.output()))
                .isEqualTo(json("{\"order\": {\"id\": 1, \"pricing\": {\"total\": 42}}, \"user\": \"u1\"}"));
    }

    @Test
    void resultPath_existingField_isOverwritten() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Pass", "Result": "new", "ResultPath": "$.a.b", "End": true}
                """), "{\"a\": {\"b\": \"old\", \"c\": 1}}");

        assertThat(json(done.output())).isEqualTo(json("{\"a\": {\"b\": \"new\", \"c\": 1}}"));
    }

    @Test
    void resultPathNull_discardsTheResult_andKeepsTheInput() throws Exception {
        fixture.functions.returning("Notify", "{\"sent\": true}");
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Task", "Resource": "%sNotify", "ResultPath": null, "End": true}
                """.formatted(Asl.LAMBDA)), "{\"keep\": \"me\"}");

        assertThat(json(done.output())).isEqualTo(json("{\"keep\": \"me\"}"));
    }

    @Test
    void resultPathDefault_replacesTheInputWithTheResult() throws Exception {
        fixture.functions.returning("Notify", "{\"sent\": true}");
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Task", "Resource": "%sNotify", "End": true}
                """.formatted(Asl.LAMBDA)), "{\"keep\": \"me\"}");

        assertThat(json(done.output())).isEqualTo(json("{\"sent\": true}"));
    }

    @Test
    void resultPath_throughAString_failsWithResultPathMatchFailure() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Pass", "Result": 1, "ResultPath": "$.name.first", "End": true}
                """), "{\"name\": \"Ada\"}");

        assertThat(done.error()).isEqualTo("States.ResultPathMatchFailure");
    }

    @Test
    void outputPath_selectsPartOfTheCombinedOutput() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Pass", "Result": {"total": 5}, "ResultPath": "$.price", "OutputPath": "$.price", "End": true}
                """), "{\"order\": 1}");

        assertThat(json(done.output())).isEqualTo(json("{\"total\": 5}"));
    }

    @Test
    void outputPath_selectingNothing_failsWithStatesRuntime_whichStatesAllCannotCatch() throws Exception {
        fixture.functions.returning("Work", "{}");
        ExecutionDescription done = fixture.run("""
                {"StartAt": "S", "States": {
                  "S": {"Type": "Task", "Resource": "%sWork", "OutputPath": "$.missing", "End": true,
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}]},
                  "Caught": {"Type": "Succeed"}}}
                """.formatted(Asl.LAMBDA), "{}");

        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("States.Runtime");
    }

    @Test
    void pass_withParametersAndNoResult_outputsTheParameters() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Pass", "Parameters": {"greeting": "hi", "to.$": "$.name"}, "End": true}
                """), "{\"name\": \"Ada\"}");

        assertThat(json(done.output())).isEqualTo(json("{\"greeting\": \"hi\", \"to\": \"Ada\"}"));
    }

    @Test
    void pass_withoutResultOrParameters_passesItsEffectiveInputOn() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Pass", "InputPath": "$.a", "ResultPath": "$.copy", "End": true}
                """), "{\"a\": [1, 2]}");

        assertThat(json(done.output())).isEqualTo(json("{\"a\": [1, 2], \"copy\": [1, 2]}"));
    }

    @Test
    void bracketNotationAndHyphenatedNames_workInPaths() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Pass", "Parameters": {"v.$": "$['odd key']"}, "ResultPath": "$.error-info", "End": true}
                """), "{\"odd key\": 3}");

        assertThat(json(done.output())).isEqualTo(json("{\"odd key\": 3, \"error-info\": {\"v\": 3}}"));
    }
}

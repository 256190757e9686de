package io.ticketflow.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CreateStateMachine refuses definitions that Step Functions refuses, saying what and where. */
class DefinitionValidationTest {

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    static Stream<Arguments> invalidDefinitions() {
        return Stream.of(
                invalid("not JSON", "{\"StartAt\": ", "not valid JSON"),
                invalid("StartAt names no state",
                        "{\"StartAt\": \"Nope\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}",
                        "'StartAt' names 'Nope'"),
                invalid("unknown state type", Asl.single("{\"Type\": \"Sleep\", \"End\": true}"),
                        "The value for the field 'Type' must be one of"),
                invalid("neither Next nor End", Asl.single("{\"Type\": \"Pass\"}"),
                        "must have either 'Next' or \"End\": true at /States/S"),
                invalid("both Next and End", """
                        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B", "End": true},
                                                    "B": {"Type": "Succeed"}}}""", "has both 'Next' and"),
                invalid("Next names no state", Asl.single("{\"Type\": \"Pass\", \"Next\": \"Ghost\"}"),
                        "Missing 'Next' target: Ghost"),
                invalid("Catch Next names no state", Asl.single("""
                        {"Type": "Task", "Resource": "%sF", "End": true,
                         "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Ghost"}]}""".formatted(Asl.LAMBDA)),
                        "Missing 'Next' target: Ghost"),
                invalid("unreachable state", """
                        {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "Orphan": {"Type": "Succeed"}}}""",
                        "UNREACHABLE_STATE"),
                invalid("misspelled field", Asl.single("{\"Type\": \"Pass\", \"ResultsPath\": \"$.x\", \"End\": true}"),
                        "The field 'ResultsPath' is not supported by Step Functions at /States/S/ResultsPath"),
                invalid("Next on a Choice state", """
                        {"StartAt": "C", "States": {"C": {"Type": "Choice", "Next": "D",
                          "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "D"}]}, "D": {"Type": "Succeed"}}}""",
                        "The field 'Next' is not supported"),
                invalid("States.ALL not last", Asl.single("""
                        {"Type": "Task", "Resource": "%sF", "End": true,
                         "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["Other"]}]}"""
                        .formatted(Asl.LAMBDA)), "'States.ALL' must appear alone"),
                invalid("States.ALL with other names", Asl.single("""
                        {"Type": "Task", "Resource": "%sF", "End": true,
                         "Retry": [{"ErrorEquals": ["States.ALL", "Other"]}]}""".formatted(Asl.LAMBDA)),
                        "'States.ALL' must appear alone"),
                invalid("reference path with a wildcard", Asl.single(
                        "{\"Type\": \"Pass\", \"ResultPath\": \"$.items[*]\", \"End\": true}"),
                        "invalid reference path '$.items[*]'"),
                invalid("JsonPath function in a path", Asl.single(
                        "{\"Type\": \"Pass\", \"InputPath\": \"$.items.length()\", \"End\": true}"),
                        "JsonPath functions are not supported"),
                invalid("bad intrinsic call", Asl.single(
                        "{\"Type\": \"Pass\", \"Parameters\": {\"x.$\": \"States.Formatt('a')\"}, \"End\": true}"),
                        "unknown intrinsic function 'States.Formatt'"),
                invalid("intrinsic with an open escape", Asl.single(
                        "{\"Type\": \"Pass\", \"Parameters\": {\"x.$\": \"States.Format('a\\\\b')\"}, \"End\": true}"),
                        "open escape"),
                invalid("intrinsic with the wrong arity", Asl.single(
                        "{\"Type\": \"Pass\", \"Parameters\": {\"x.$\": \"States.ArrayLength($.a, $.b)\"}, \"End\": true}"),
                        "States.ArrayLength takes 1 argument(s), got 2"),
                invalid("comparison with a value of the wrong type", """
                        {"StartAt": "C", "States": {"C": {"Type": "Choice",
                          "Choices": [{"Variable": "$.n", "NumericEquals": "3", "Next": "D"}]}, "D": {"Type": "Succeed"}}}""",
                        "has the wrong type"),
                invalid("duplicate state names across a branch", """
                        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                          {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}]}}}""", "DUPLICATE_STATE_NAME"),
                invalid("branch transitions outside itself", """
                        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Next": "After", "Branches": [
                          {"StartAt": "B", "States": {"B": {"Type": "Pass", "Next": "After"}}}]},
                          "After": {"Type": "Succeed"}}}""", "Missing 'Next' target: After"),
                invalid("Wait with two durations", Asl.single(
                        "{\"Type\": \"Wait\", \"Seconds\": 1, \"SecondsPath\": \"$.s\", \"End\": true}"),
                        "exactly one of Seconds"),
                invalid("HeartbeatSeconds not below TimeoutSeconds", Asl.single("""
                        {"Type": "Task", "Resource": "%sF", "TimeoutSeconds": 10, "HeartbeatSeconds": 10, "End": true}"""
                        .formatted(Asl.LAMBDA)), "HeartbeatSeconds must be smaller than TimeoutSeconds"),
                invalid("JSONata", "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}",
                        "QueryLanguage 'JSONata' is not supported by the local emulator"),
                invalid("distributed Map", """
                        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemReader": {},
                          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "P",
                                            "States": {"P": {"Type": "Succeed"}}}}}}""",
                        "Only the INLINE processor mode is supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void createStateMachine_withInvalidDefinition_isRefusedWithTheProblem(String problem, String definition,
                                                                          String message) {
        assertThatThrownBy(() -> fixture.emulator.createStateMachine("m", definition, null))
                .isInstanceOfSatisfying(StepFunctionsException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("InvalidDefinition");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void createStateMachine_reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> fixture.emulator.createStateMachine("m", """
                {"StartAt": "A", "States": {"A": {"Type": "Pass"}, "B": {"Type": "Task", "End": true}}}""", null))
                .hasMessageContaining("must have either 'Next'")
                .hasMessageContaining("The field 'Resource' is required")
                .hasMessageContaining("UNREACHABLE_STATE");
    }

    @Test
    void createStateMachine_withValidDefinitionUsingEveryStateType_isAccepted() {
        String arn = fixture.emulator.createStateMachine("everything", """
                {"Comment": "all state types", "TimeoutSeconds": 600, "StartAt": "Pass",
                 "States": {
                   "Pass": {"Type": "Pass", "Result": {"n": 1}, "ResultPath": "$.p", "Next": "Task"},
                   "Task": {"Type": "Task", "Resource": "%s", "TimeoutSeconds": 30, "HeartbeatSeconds": 10,
                            "Parameters": {"FunctionName": "F", "Payload": {"t.$": "$$.Task.Token"}},
                            "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 0},
                                      {"ErrorEquals": ["States.ALL"], "MaxDelaySeconds": 5, "JitterStrategy": "FULL"}],
                            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": null, "Next": "Fail"}],
                            "Next": "Choice"},
                   "Choice": {"Type": "Choice", "Default": "Wait",
                              "Choices": [{"Not": {"Variable": "$.p.n", "NumericEquals": 1}, "Next": "Fail"}]},
                   "Wait": {"Type": "Wait", "SecondsPath": "$.p.n", "Next": "Parallel"},
                   "Parallel": {"Type": "Parallel", "Next": "Map", "Branches": [
                     {"StartAt": "B1", "States": {"B1": {"Type": "Succeed"}}}]},
                   "Map": {"Type": "Map", "ItemsPath": "$", "MaxConcurrency": 2, "Next": "Succeed",
                           "ItemProcessor": {"StartAt": "M1", "States": {"M1": {"Type": "Pass", "End": true}}}},
                   "Succeed": {"Type": "Succeed"},
                   "Fail": {"Type": "Fail", "Error": "Failed"}}}
                """.formatted(Asl.INVOKE_WAIT), "arn:aws:iam::123456789012:role/saga");

        assertThat(fixture.emulator.describeStateMachine(arn).name()).isEqualTo("everything");
    }

    private static Arguments invalid(String problem, String definition, String message) {
        return Arguments.of(problem, definition, message);
    }
}

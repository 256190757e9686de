package io.ticketflow.local.stepfunctions;

import static io.ticketflow.local.stepfunctions.EmulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Choice rules: every comparison operator and its Path variant, type tests, And/Or/Not, Default. */
class ChoiceStateTest {

    private static final String INPUT = """
            {"name": "Ada", "other": "Bob", "seats": 3, "limit": 3.0, "vip": true, "no": false, "nothing": null,
             "at": "2026-03-01T10:00:00Z", "later": "2026-03-01T12:00:00+01:00", "file": "log-2026.txt",
             "star": "a*b", "bad": "2026-03-01 10:00"}""";

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("{\"Variable\": \"$.name\", \"StringEquals\": \"Ada\"}", true),
                rule("{\"Variable\": \"$.name\", \"StringEquals\": \"ada\"}", false),
                rule("{\"Variable\": \"$.seats\", \"StringEquals\": \"3\"}", false),
                rule("{\"Variable\": \"$.name\", \"StringLessThan\": \"Bob\"}", true),
                rule("{\"Variable\": \"$.name\", \"StringGreaterThan\": \"Bob\"}", false),
                rule("{\"Variable\": \"$.name\", \"StringLessThanEquals\": \"Ada\"}", true),
                rule("{\"Variable\": \"$.name\", \"StringGreaterThanEquals\": \"Adam\"}", false),
                rule("{\"Variable\": \"$.name\", \"StringEqualsPath\": \"$.other\"}", false),
                rule("{\"Variable\": \"$.name\", \"StringLessThanPath\": \"$.other\"}", true),
                rule("{\"Variable\": \"$.file\", \"StringMatches\": \"log-*.txt\"}", true),
                rule("{\"Variable\": \"$.file\", \"StringMatches\": \"log-*.csv\"}", false),
                rule("{\"Variable\": \"$.star\", \"StringMatches\": \"a\\\\*b\"}", true),
                rule("{\"Variable\": \"$.file\", \"StringMatches\": \"a\\\\*b\"}", false),
                rule("{\"Variable\": \"$.seats\", \"NumericEquals\": 3}", true),
                rule("{\"Variable\": \"$.seats\", \"NumericEqualsPath\": \"$.limit\"}", true),
                rule("{\"Variable\": \"$.seats\", \"NumericLessThan\": 3}", false),
                rule("{\"Variable\": \"$.seats\", \"NumericGreaterThan\": 2.5}", true),
                rule("{\"Variable\": \"$.seats\", \"NumericLessThanEquals\": 3}", true),
                rule("{\"Variable\": \"$.seats\", \"NumericGreaterThanEquals\": 4}", false),
                rule("{\"Variable\": \"$.seats\", \"NumericLessThanPath\": \"$.limit\"}", false),
                rule("{\"Variable\": \"$.seats\", \"NumericGreaterThanPath\": \"$.limit\"}", false),
                rule("{\"Variable\": \"$.seats\", \"NumericLessThanEqualsPath\": \"$.limit\"}", true),
                rule("{\"Variable\": \"$.seats\", \"NumericGreaterThanEqualsPath\": \"$.limit\"}", true),
                rule("{\"Variable\": \"$.name\", \"NumericEquals\": 3}", false),
                rule("{\"Variable\": \"$.vip\", \"BooleanEquals\": true}", true),
                rule("{\"Variable\": \"$.vip\", \"BooleanEqualsPath\": \"$.no\"}", false),
                rule("{\"Variable\": \"$.at\", \"TimestampEquals\": \"2026-03-01T11:00:00+01:00\"}", true),
                rule("{\"Variable\": \"$.at\", \"TimestampLessThan\": \"2026-03-01T10:00:00.001Z\"}", true),
                rule("{\"Variable\": \"$.at\", \"TimestampGreaterThan\": \"2026-03-01T10:00:00Z\"}", false),
                rule("{\"Variable\": \"$.at\", \"TimestampLessThanEquals\": \"2026-03-01T10:00:00Z\"}", true),
                rule("{\"Variable\": \"$.at\", \"TimestampGreaterThanEquals\": \"2026-03-02T00:00:00Z\"}", false),
                rule("{\"Variable\": \"$.at\", \"TimestampLessThanPath\": \"$.later\"}", true),
                rule("{\"Variable\": \"$.at\", \"TimestampEqualsPath\": \"$.later\"}", false),
                rule("{\"Variable\": \"$.at\", \"TimestampGreaterThanPath\": \"$.later\"}", false),
                rule("{\"Variable\": \"$.at\", \"TimestampLessThanEqualsPath\": \"$.later\"}", true),
                rule("{\"Variable\": \"$.at\", \"TimestampGreaterThanEqualsPath\": \"$.later\"}", false),
                rule("{\"Variable\": \"$.bad\", \"TimestampLessThan\": \"2030-01-01T00:00:00Z\"}", false),
                rule("{\"Variable\": \"$.nothing\", \"IsNull\": true}", true),
                rule("{\"Variable\": \"$.name\", \"IsNull\": false}", true),
                rule("{\"Variable\": \"$.name\", \"IsPresent\": true}", true),
                rule("{\"Variable\": \"$.missing\", \"IsPresent\": false}", true),
                rule("{\"Variable\": \"$.limit\", \"IsNumeric\": true}", true),
                rule("{\"Variable\": \"$.name\", \"IsString\": true}", true),
                rule("{\"Variable\": \"$.no\", \"IsBoolean\": true}", true),
                rule("{\"Variable\": \"$.later\", \"IsTimestamp\": true}", true),
                rule("{\"Variable\": \"$.bad\", \"IsTimestamp\": true}", false),
                rule("{\"Variable\": \"$$.State.Name\", \"StringEquals\": \"Decide\"}", true),
                rule("{\"And\": [{\"Variable\": \"$.vip\", \"BooleanEquals\": true},"
                        + " {\"Variable\": \"$.seats\", \"NumericGreaterThan\": 1}]}", true),
                rule("{\"And\": [{\"Variable\": \"$.vip\", \"BooleanEquals\": true},"
                        + " {\"Variable\": \"$.seats\", \"NumericGreaterThan\": 5}]}", false),
                rule("{\"Or\": [{\"Variable\": \"$.vip\", \"BooleanEquals\": false},"
                        + " {\"Variable\": \"$.seats\", \"NumericGreaterThan\": 1}]}", true),
                rule("{\"Not\": {\"Variable\": \"$.name\", \"StringEquals\": \"Ada\"}}", false),
                rule("{\"And\": [{\"Variable\": \"$.missing\", \"IsPresent\": true},"
                        + " {\"Not\": {\"Variable\": \"$.missing\", \"IsNull\": true}}]}", false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rules")
    void rule_onSampleInput_choosesTheExpectedBranch(String rule, boolean matches) throws Exception {
        ExecutionDescription done = fixture.run(decide(rule), INPUT);

        assertThat(json(done.output()).asString()).isEqualTo(matches ? "matched" : "default");
    }

    @Test
    void comparison_onMissingVariable_failsWithStatesRuntime() throws Exception {
        ExecutionDescription done = fixture.run(decide("{\"Variable\": \"$.missing\", \"StringEquals\": \"x\"}"),
                INPUT);

        assertThat(done.error()).isEqualTo("States.Runtime");
        assertThat(done.cause()).contains("$.missing");
    }

    @Test
    void noRuleMatches_withoutDefault_failsWithNoChoiceMatched() throws Exception {
        ExecutionDescription done = fixture.run("""
                {"StartAt": "Decide", "States": {
                  "Decide": {"Type": "Choice", "Choices": [
                     {"Variable": "$.seats", "NumericEquals": 99, "Next": "Never"}]},
                  "Never": {"Type": "Succeed"}}}
                """, INPUT);

        assertThat(done.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void choice_appliesInputPathAndOutputPath_andRecordsChoiceEvents() throws Exception {
        String execution = fixture.start("""
                {"StartAt": "Decide", "States": {
                  "Decide": {"Type": "Choice", "InputPath": "$.order", "OutputPath": "$.id", "Choices": [
                     {"Variable": "$.total", "NumericGreaterThan": 100, "Next": "Big"}], "Default": "Small"},
                  "Big": {"Type": "Pass", "End": true},
                  "Small": {"Type": "Pass", "End": true}}}
                """, "{\"order\": {\"id\": \"o-1\", \"total\": 150}}");
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output()).asString()).isEqualTo("o-1");
        assertThat(fixture.eventTypes(execution)).containsExactly("ExecutionStarted", "ChoiceStateEntered",
                "ChoiceStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        assertThat(fixture.lastEvent(execution, "PassStateEntered").details().get("name").asString())
                .isEqualTo("Big");
    }

    private static Arguments rule(String rule, boolean matches) {
        return Arguments.of(rule, matches);
    }

    private static String decide(String rule) {
        String choice = rule.substring(0, rule.lastIndexOf('}')) + ", \"Next\": \"Matched\"}";
        return """
                {"StartAt": "Decide", "States": {
                  "Decide": {"Type": "Choice", "Choices": [%s], "Default": "Other"},
                  "Matched": {"Type": "Pass", "Result": "matched", "End": true},
                  "Other": {"Type": "Pass", "Result": "default", "End": true}}}
                """.formatted(choice);
    }
}

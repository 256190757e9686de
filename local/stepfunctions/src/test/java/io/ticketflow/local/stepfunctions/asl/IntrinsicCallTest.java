package io.ticketflow.local.stepfunctions.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;

/** The intrinsic functions, with the examples of the AWS guide where it gives one. */
class IntrinsicCallTest {

    private static final JsonNode INPUT = Json.parse("""
            {"name": "Arnav", "template": "Hello, my name is {}.", "Id": 123456, "someJson": {"random": "abcdefg"},
             "inputArray": [1, 2, 3, 4, 5, 6, 7, 8, 9], "dupes": [1, 2, 3, 3, 3, 3, 3, 3, 4], "lookingFor": 5,
             "index": 5, "escapedJsonString": "{\\"foo\\": \\"bar\\"}", "unescapedJson": {"foo": "bar"},
             "json1": {"a": {"a1": 1, "a2": 2}, "b": 2}, "json2": {"a": {"a3": 1, "a4": 2}, "c": 3},
             "value1": 111, "step": -1, "inputString": "This.is+a,test=string", "splitter": ".+,=",
             "input": "Data to encode", "base64": "RGF0YSB0byBlbmNvZGU=", "Data": "input data",
             "Algorithm": "SHA-1", "arn": "arn:aws:imagebuilder:us-east-1:123:image-recipe/my-recipe/1.0.2"}""");
    private static final JsonNode CONTEXT = Json.parse("{\"Execution\": {\"Name\": \"res-1\"}}");

    static Stream<Arguments> examples() {
        return Stream.of(
                example("States.Format('Hello, my name is {}.', $.name)", "\"Hello, my name is Arnav.\""),
                example("States.Format($.template, $.name)", "\"Hello, my name is Arnav.\""),
                example("States.Format('{} has {} items, ok={}, none={}', $$.Execution.Name, 3, true, null)",
                        "\"res-1 has 3 items, ok=true, none=null\""),
                example("States.Format('literal \\{} and \\' quote and \\\\ backslash {}', 'x')",
                        "\"literal {} and ' quote and \\\\ backslash x\""),
                example("States.StringToJson($.escapedJsonString)", "{\"foo\": \"bar\"}"),
                example("States.JsonToString($.unescapedJson)", "\"{\\\"foo\\\":\\\"bar\\\"}\""),
                example("States.Array('Foo', 2022, $.someJson, null)", "[\"Foo\", 2022, {\"random\": \"abcdefg\"}, null]"),
                example("States.Array()", "[]"),
                example("States.ArrayPartition($.inputArray, 4)", "[[1,2,3,4],[5,6,7,8],[9]]"),
                example("States.ArrayPartition($.inputArray, 3.6)", "[[1,2,3,4],[5,6,7,8],[9]]"),
                example("States.ArrayContains($.inputArray, $.lookingFor)", "true"),
                example("States.ArrayContains($.inputArray, 'x')", "false"),
                example("States.ArrayRange(1, 9, 2)", "[1,3,5,7,9]"),
                example("States.ArrayRange(5, 1, -2)", "[5,3,1]"),
                example("States.ArrayGetItem($.inputArray, $.index)", "6"),
                example("States.ArrayLength($.inputArray)", "9"),
                example("States.ArrayUnique($.dupes)", "[1,2,3,4]"),
                example("States.JsonMerge($.json1, $.json2, false)", "{\"a\": {\"a3\": 1, \"a4\": 2}, \"b\": 2, \"c\": 3}"),
                example("States.MathAdd($.value1, $.step)", "110"),
                example("States.MathAdd(1.5, 2.4)", "4"),
                example("States.StringSplit($.inputString, $.splitter)", "[\"This\",\"is\",\"a\",\"test\",\"string\"]"),
                example("States.StringSplit('1,2,3,4,5', ',')", "[\"1\",\"2\",\"3\",\"4\",\"5\"]"),
                example("States.Base64Encode($.input)", "\"RGF0YSB0byBlbmNvZGU=\""),
                example("States.Base64Decode($.base64)", "\"Data to encode\""),
                example("States.Hash($.Data, $.Algorithm)", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\""),
                example("States.Hash('input data', 'MD5')", "\"812f45842bc6d66ee14572ce20db8e86\""),
                example("States.Hash('abc', 'SHA-256')",
                        "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""),
                example("States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.arn, '/'),"
                        + " 2), '.'), 0)", "\"1\""),
                example("States.Format('{}', States.ArrayLength(States.Array(1, States.Array(2, 3))))", "\"2\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void evaluate_documentedExample_givesTheDocumentedResult(String expression, String expected) {
        assertThat(evaluate(expression)).isEqualTo(Json.parse(expected));
    }

    @Test
    void mathRandom_staysWithinStartInclusiveEndExclusive_andRepeatsForTheSameSeed() {
        for (int i = 0; i < 200; i++) {
            assertThat(evaluate("States.MathRandom(1, 4)").asInt()).isBetween(1, 3);
        }
        assertThat(evaluate("States.MathRandom(1, 999, 42)")).isEqualTo(evaluate("States.MathRandom(1, 999, 42)"));
    }

    @Test
    void uuid_isAVersion4Uuid() {
        assertThat(evaluate("States.UUID()").asString())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("States.Format('{} and {}', 'one')", "placeholder"),
                Arguments.of("States.Format('{}', $.someJson)", "must be a string, number, boolean or null"),
                Arguments.of("States.ArrayGetItem($.inputArray, 9)", "outside the array"),
                Arguments.of("States.ArrayLength($.name)", "must be an array"),
                Arguments.of("States.ArrayPartition($.inputArray, 0)", "positive integer"),
                Arguments.of("States.ArrayRange(1, 2000, 1)", "more than 1000"),
                Arguments.of("States.JsonMerge($.json1, $.json2, true)", "only the shallow mode"),
                Arguments.of("States.StringToJson($.name)", "not valid JSON"),
                Arguments.of("States.MathAdd(2147483648, 1)", "32-bit"),
                Arguments.of("States.MathRandom(5, 5)", "less than the end"),
                Arguments.of("States.Hash('x', 'SHA-3')", "must be one of"),
                Arguments.of("States.Base64Decode('%%%')", "not Base64"),
                Arguments.of("States.ArrayLength($.missing)", "could not be found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void evaluate_withInvalidArguments_failsWithStatesIntrinsicFailure(String expression, String cause) {
        assertThatThrownBy(() -> evaluate(expression)).isInstanceOfSatisfying(AslError.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorNames.INTRINSIC_FAILURE);
            assertThat(e.cause()).contains(cause);
        });
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("States.Nope(1)", "unknown intrinsic function 'States.Nope'"),
                Arguments.of("States.Format('unterminated)", "unterminated string"),
                Arguments.of("States.Format('bad \\n escape')", "open escape"),
                Arguments.of("States.Array(1,)", "expected an argument"),
                Arguments.of("States.Array(1) trailing", "unexpected text"),
                Arguments.of("States.Array(1 2)", "expected ')'"),
                Arguments.of("States.Array(1.2.3)", "invalid number"),
                Arguments.of("States.UUID(1)", "takes 0 argument(s)"),
                Arguments.of("States.Array(States.Array(States.Array(States.Array(States.Array(States.Array("
                        + "States.Array(States.Array(States.Array(States.Array(States.Array())))))))))))",
                        "nest at most 10 deep"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void parse_invalidCall_isRefusedWithItsPosition(String expression, String message) {
        assertThatThrownBy(() -> IntrinsicCall.parse(expression)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageContaining("at position");
    }

    private static JsonNode evaluate(String expression) {
        return IntrinsicCall.parse(expression).evaluate(INPUT, CONTEXT).orElseThrow();
    }

    private static Arguments example(String expression, String expected) {
        return Arguments.of(expression, expected);
    }
}

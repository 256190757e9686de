package io.ticketflow.local.stepfunctions.asl;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** The value of a {@code .$} field (or of {@code ErrorPath}/{@code CausePath}): a path or an intrinsic call. */
public interface ValueExpression {

    /** The value; empty when a path selects nothing. */
    Optional<JsonNode> evaluate(JsonNode input, JsonNode context);

    /** @throws IllegalArgumentException when the text is neither a valid path nor a valid intrinsic call */
    static ValueExpression parse(String text) {
        if (text.startsWith("$")) {
            DataPath path = DataPath.compile(text);
            return new ValueExpression() {
                @Override
                public Optional<JsonNode> evaluate(JsonNode input, JsonNode context) {
                    return path.read(input, context);
                }

                @Override
                public String toString() {
                    return text;
                }
            };
        }
        return IntrinsicCall.parse(text);
    }
}

package io.ticketflow.local.stepfunctions.asl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A parsed intrinsic function invocation such as {@code States.Format('{} of {}', $.n, States.ArrayLength($.all))}.
 * Arguments are literals (strings in single quotes, numbers, booleans, null), paths, or nested calls.
 */
public final class IntrinsicCall implements ValueExpression, IntrinsicArgument {

    record Literal(JsonNode value) implements IntrinsicArgument {
        @Override
        public JsonNode evaluate(IntrinsicArgument.Scope scope) {
            return value;
        }
    }

    /**
     * A quoted string. {@code pieces} is the text split at the {@code {}} placeholders that were not escaped,
     * which is what States.Format needs.
     */
    record StringLiteral(String value, List<String> pieces) implements IntrinsicArgument {
        @Override
        public JsonNode evaluate(IntrinsicArgument.Scope scope) {
            return io.ticketflow.local.stepfunctions.json.Json.text(value);
        }
    }

    record PathArgument(DataPath path) implements IntrinsicArgument {
        @Override
        public JsonNode evaluate(IntrinsicArgument.Scope scope) {
            return path.read(scope.input(), scope.context()).orElseThrow(() -> new AslError(
                    ErrorNames.INTRINSIC_FAILURE, "The JSONPath '" + path + "' could not be found in the input"));
        }
    }

    private final String text;
    private final String function;
    private final List<IntrinsicArgument> arguments;

    IntrinsicCall(String text, String function, List<IntrinsicArgument> arguments) {
        this.text = text;
        this.function = function;
        this.arguments = List.copyOf(arguments);
    }

    /** @throws IllegalArgumentException with the position of the first syntax error or an unknown function */
    public static IntrinsicCall parse(String text) {
        return new IntrinsicParser(text).parseInvocation();
    }

    @Override
    public Optional<JsonNode> evaluate(JsonNode input, JsonNode context) {
        return Optional.of(evaluate(new IntrinsicArgument.Scope(input, context)));
    }

    @Override
    public JsonNode evaluate(IntrinsicArgument.Scope scope) {
        List<JsonNode> values = new ArrayList<>(arguments.size());
        for (IntrinsicArgument argument : arguments) {
            values.add(argument.evaluate(scope));
        }
        List<String> formatPieces = !arguments.isEmpty() && arguments.get(0) instanceof StringLiteral literal
                ? literal.pieces() : null;
        return IntrinsicFunctions.apply(function, values, formatPieces);
    }

    @Override
    public String toString() {
        return text;
    }
}

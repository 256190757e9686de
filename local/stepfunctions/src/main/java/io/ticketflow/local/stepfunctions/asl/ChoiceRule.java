package io.ticketflow.local.stepfunctions.asl;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** A Choice rule: a comparison on a {@code Variable}, or And / Or / Not of rules. */
public sealed interface ChoiceRule {

    /** @throws AslError States.Runtime when a path the rule needs selects nothing */
    boolean test(JsonNode input, JsonNode context);

    record And(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, JsonNode context) {
            return rules.stream().allMatch(rule -> rule.test(input, context));
        }
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, JsonNode context) {
            return rules.stream().anyMatch(rule -> rule.test(input, context));
        }
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, JsonNode context) {
            return !rule.test(input, context);
        }
    }

    /**
     * {@code operand} is the literal to compare with, or null when {@code operandPath} (a {@code *Path}
     * operator) names it.
     */
    record Comparison(ReferencePath variable, ComparisonOperator operator, JsonNode operand,
                      ReferencePath operandPath) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, JsonNode context) {
            Optional<JsonNode> value = variable.read(input, context);
            if (operator == ComparisonOperator.IS_PRESENT) {
                return value.isPresent() == operand.booleanValue();
            }
            JsonNode actual = value.orElseThrow(() -> invalidPath(variable));
            JsonNode expected = operandPath == null ? operand
                    : operandPath.read(input, context).orElseThrow(() -> invalidPath(operandPath));
            return operator.test(actual, expected);
        }

        private static AslError invalidPath(ReferencePath path) {
            return new AslError(ErrorNames.RUNTIME, "Invalid path '" + path
                    + "': The choice state's condition path references an invalid value.");
        }
    }
}

package io.ticketflow.local.stepfunctions.asl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** Parses the rules of a Choice state: And / Or / Not, or a Variable with exactly one comparison operator. */
final class ChoiceRuleParser {

    private final FieldReader reader;

    ChoiceRuleParser(FieldReader reader) {
        this.reader = reader;
    }

    /** @return the rule, or null when it is invalid (the problem is reported) */
    ChoiceRule rule(JsonNode node, String at, boolean topLevel) {
        if (!node.isObject()) {
            reader.problem(at, "A choice rule must be an object");
            return null;
        }
        List<String> operators = new ArrayList<>();
        for (String field : node.propertyNames()) {
            boolean bookkeeping = field.equals("Comment") || field.equals("Variable") || topLevel && field.equals("Next");
            if (!bookkeeping) {
                operators.add(field);
            }
        }
        if (operators.size() != 1) {
            reader.problem(at, "A choice rule must have exactly one of And, Or, Not or a comparison operator, found "
                    + operators);
            return null;
        }
        String operator = operators.get(0);
        switch (operator) {
            case "And", "Or" -> {
                return combination(node, at, operator);
            }
            case "Not" -> {
                ChoiceRule inner = rule(node.get("Not"), at + "/Not", false);
                return inner == null ? null : new ChoiceRule.Not(inner);
            }
            default -> {
                return comparison(node, at, operator);
            }
        }
    }

    private ChoiceRule combination(JsonNode node, String at, String operator) {
        JsonNode rules = node.get(operator);
        if (!rules.isArray() || rules.isEmpty()) {
            reader.problem(at + "/" + operator, "The field '" + operator + "' must be a non-empty array of rules");
            return null;
        }
        List<ChoiceRule> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            ChoiceRule rule = rule(rules.get(i), at + "/" + operator + "[" + i + "]", false);
            if (rule == null) {
                return null;
            }
            parsed.add(rule);
        }
        return operator.equals("And") ? new ChoiceRule.And(List.copyOf(parsed)) : new ChoiceRule.Or(List.copyOf(parsed));
    }

    private ChoiceRule comparison(JsonNode node, String at, String field) {
        ReferencePath variable = reader.path(node, "Variable", at, ReferencePath::compile, null);
        if (variable == null) {
            reader.problem(at, "A comparison needs a 'Variable' reference path");
            return null;
        }
        JsonNode value = node.get(field);
        Optional<ComparisonOperator> literal = ComparisonOperator.byFieldName(field);
        if (literal.isPresent()) {
            if (!literal.get().acceptsOperand(value)) {
                reader.problem(at + "/" + field, "The value of '" + field + "' has the wrong type: " + value);
                return null;
            }
            return new ChoiceRule.Comparison(variable, literal.get(), value, null);
        }
        Optional<ComparisonOperator> withPath = field.endsWith("Path")
                ? ComparisonOperator.byFieldName(field.substring(0, field.length() - 4))
                .filter(ComparisonOperator::hasPathVariant)
                : Optional.empty();
        if (withPath.isEmpty()) {
            reader.problem(at + "/" + field, "'" + field + "' is not a comparison operator");
            return null;
        }
        ReferencePath operandPath = reader.path(node, field, at, ReferencePath::compile, null);
        return operandPath == null ? null : new ChoiceRule.Comparison(variable, withPath.get(), null, operandPath);
    }
}

package io.ticketflow.local.stepfunctions.asl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields of definition objects and collects what is wrong with them, each problem with its JSON
 * location, so that one validation run reports them all.
 */
final class FieldReader {

    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    void problem(String at, String message) {
        problems.add("SCHEMA_VALIDATION_FAILED: " + message + " at " + (at.isEmpty() ? "/" : at));
    }

    void problemOf(String code, String at, String message) {
        problems.add(code + ": " + message + " at " + (at.isEmpty() ? "/" : at));
    }

    /** Reports fields outside {@code allowed}; {@code unsupported} names fields AWS knows but this emulator lacks. */
    void onlyFields(JsonNode node, String at, Set<String> allowed, Map<String, String> unsupported) {
        for (String field : node.propertyNames()) {
            if (unsupported.containsKey(field)) {
                problem(at + "/" + field, "The field '" + field + "' is not supported by the local emulator ("
                        + unsupported.get(field) + ")");
            } else if (!allowed.contains(field)) {
                problem(at + "/" + field, "The field '" + field + "' is not supported by Step Functions");
            }
        }
    }

    String string(JsonNode node, String field, String at, boolean required) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) {
                problem(at, "The field '" + field + "' is required");
            }
            return null;
        }
        if (!value.isString() || value.stringValue().isEmpty()) {
            problem(at + "/" + field, "The field '" + field + "' must be a non-empty string");
            return null;
        }
        return value.stringValue();
    }

    /** A whole number within [min, max], or null when absent or invalid. */
    Long integer(JsonNode node, String field, String at, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || value.longValue() < min || value.longValue() > max) {
            problem(at + "/" + field, "The field '" + field + "' must be an integer from " + min + " to " + max);
            return null;
        }
        return value.longValue();
    }

    Double number(JsonNode node, String field, String at, double min) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() < min) {
            problem(at + "/" + field, "The field '" + field + "' must be a number of at least " + min);
            return null;
        }
        return value.doubleValue();
    }

    List<String> strings(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || !value.isArray() || value.isEmpty()) {
            problem(at + "/" + field, "The field '" + field + "' must be a non-empty array of strings");
            return out;
        }
        for (JsonNode element : value) {
            if (element.isString()) {
                out.add(element.stringValue());
            } else {
                problem(at + "/" + field, "The field '" + field + "' must contain only strings");
            }
        }
        return out;
    }

    /**
     * Compiles a path-valued field: absent gives {@code absent}, an explicit JSON null gives null (the AWS
     * meaning of null paths), a bad path is reported and gives {@code absent}.
     */
    <T> T path(JsonNode node, String field, String at, Function<String, T> compiler, T absent) {
        JsonNode value = node.get(field);
        if (value == null) {
            return absent;
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problem(at + "/" + field, "The field '" + field + "' must be a path string or null");
            return absent;
        }
        try {
            return compiler.apply(value.stringValue());
        } catch (IllegalArgumentException e) {
            problem(at + "/" + field, "The value for the field '" + field + "' must be a valid JSONPath: "
                    + e.getMessage());
            return absent;
        }
    }

    PayloadTemplate template(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        try {
            return PayloadTemplate.compile(value);
        } catch (IllegalArgumentException e) {
            problem(at + "/" + field, "The field '" + field + "' is not a valid payload template: "
                    + e.getMessage());
            return null;
        }
    }
}

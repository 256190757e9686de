package io.ticketflow.local.stepfunctions.asl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}): JSON copied as is, except
 * that a field named {@code key.$}, however deeply nested, becomes {@code key} with the value of its path or
 * intrinsic call. Compiled once when the state machine is created, so syntax errors surface there.
 */
public final class PayloadTemplate {

    private sealed interface Node permits Constant, ObjectTemplate, ArrayTemplate, Dynamic {
        JsonNode resolve(JsonNode input, JsonNode context);
    }

    private record Constant(JsonNode value) implements Node {
        @Override
        public JsonNode resolve(JsonNode input, JsonNode context) {
            return value.deepCopy();
        }
    }

    private record ObjectTemplate(Map<String, Node> fields) implements Node {
        @Override
        public JsonNode resolve(JsonNode input, JsonNode context) {
            ObjectNode out = Json.object();
            fields.forEach((name, node) -> out.set(name, node.resolve(input, context)));
            return out;
        }
    }

    private record ArrayTemplate(List<Node> elements) implements Node {
        @Override
        public JsonNode resolve(JsonNode input, JsonNode context) {
            ArrayNode out = Json.array();
            elements.forEach(node -> out.add(node.resolve(input, context)));
            return out;
        }
    }

    private record Dynamic(String field, ValueExpression expression) implements Node {
        @Override
        public JsonNode resolve(JsonNode input, JsonNode context) {
            return expression.evaluate(input, context).orElseThrow(() -> new AslError(
                    ErrorNames.PARAMETER_PATH_FAILURE, "The JSONPath '" + expression + "' specified for the field '"
                            + field + ".$' could not be found in the input '" + Json.write(input) + "'"));
        }
    }

    private final Node root;

    private PayloadTemplate(Node root) {
        this.root = root;
    }

    /** @throws IllegalArgumentException naming the first {@code .$} field whose value is not a path or call */
    public static PayloadTemplate compile(JsonNode template) {
        return new PayloadTemplate(node(template));
    }

    /** @throws AslError States.ParameterPathFailure or States.IntrinsicFailure */
    public JsonNode resolve(JsonNode input, JsonNode context) {
        return root.resolve(input, context);
    }

    private static Node node(JsonNode template) {
        if (!isDynamic(template)) {
            return new Constant(template);
        }
        if (template.isArray()) {
            List<Node> elements = new ArrayList<>();
            template.forEach(element -> elements.add(node(element)));
            return new ArrayTemplate(List.copyOf(elements));
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : template.properties()) {
            String name = field.getKey();
            if (name.endsWith(".$")) {
                String key = name.substring(0, name.length() - 2);
                if (!field.getValue().isString()) {
                    throw new IllegalArgumentException("the value of field '" + name + "' must be a string");
                }
                try {
                    fields.put(key, new Dynamic(key, ValueExpression.parse(field.getValue().stringValue())));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("field '" + name + "': " + e.getMessage(), e);
                }
            } else {
                fields.put(name, node(field.getValue()));
            }
        }
        return new ObjectTemplate(fields);
    }

    private static boolean isDynamic(JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().endsWith(".$") || isDynamic(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (isDynamic(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}

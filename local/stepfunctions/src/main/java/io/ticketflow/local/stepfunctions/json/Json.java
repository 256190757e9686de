package io.ticketflow.local.stepfunctions.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one Jackson mapper of the emulator, and small conversions between JSON text, trees and Java values. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** Parses JSON text; an empty or missing text is the empty object, as AWS treats an omitted input. */
    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return NODES.objectNode();
        }
        return MAPPER.readTree(text);
    }

    /** Parses JSON text, or empty when the text is not a single valid JSON value. */
    public static Optional<JsonNode> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** An int node when the value fits, so that results compare equal to parsed JSON. */
    public static JsonNode number(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    public static JsonNode text(String value) {
        return value == null ? NODES.nullNode() : NODES.stringNode(value);
    }

    /** Converts a value produced by JsonPath (a tree or an unwrapped scalar) back into a tree. */
    public static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return NODES.stringNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (value instanceof BigInteger i) {
            return NODES.numberNode(i);
        }
        return MAPPER.valueToTree(value);
    }
}

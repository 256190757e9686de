package io.ticketflow.local.stepfunctions.asl;

import java.util.Optional;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.internal.Path;
import com.jayway.jsonpath.internal.path.PathCompiler;

import io.ticketflow.local.stepfunctions.json.JacksonTreeProvider;
import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * A States Language Path ({@code InputPath}, {@code OutputPath}, a {@code .$} value): JsonPath evaluated by
 * Jayway on the state input, or on the context object when it starts with {@code $$}. JsonPath functions such as
 * {@code length()} are refused, as Step Functions refuses them.
 */
public final class DataPath {

    public static final DataPath ROOT = compile("$");

    private final String text;
    private final boolean onContext;
    private final JsonPath path;

    private DataPath(String text, boolean onContext, JsonPath path) {
        this.text = text;
        this.onContext = onContext;
        this.path = path;
    }

    /** @throws IllegalArgumentException when the text is not a path Step Functions accepts */
    public static DataPath compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$': " + text);
        }
        boolean onContext = text.startsWith("$$");
        String jsonPath = onContext ? text.substring(1) : text;
        Path compiled;
        try {
            compiled = PathCompiler.compile(jsonPath);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid path '" + text + "': " + e.getMessage(), e);
        }
        if (compiled.isFunctionPath()) {
            throw new IllegalArgumentException("invalid path '" + text + "': JsonPath functions are not supported");
        }
        return new DataPath(text, onContext, JsonPath.compile(jsonPath));
    }

    /**
     * The selected value; empty when a definite path selects nothing. An indefinite path (wildcard, filter,
     * slice) always yields an array, possibly empty.
     */
    public Optional<JsonNode> read(JsonNode input, JsonNode context) {
        JsonNode document = onContext ? context : input;
        try {
            Object value = path.read(document, JacksonTreeProvider.CONFIGURATION);
            return Optional.of(Json.toNode(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}

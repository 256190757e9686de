package io.ticketflow.local.stepfunctions.asl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.internal.path.ArrayIndexToken;
import com.jayway.jsonpath.internal.path.CompiledPath;
import com.jayway.jsonpath.internal.path.PathCompiler;
import com.jayway.jsonpath.internal.path.PathToken;
import com.jayway.jsonpath.internal.path.PropertyPathToken;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Reference Path: a path that names exactly one node ({@code $.a.b}, {@code $['a b']}, {@code $.list[2]}).
 * Jayway compiles it; its tokens give the steps, which is what {@code ResultPath} needs to write a value and
 * create the missing objects on the way.
 */
public final class ReferencePath {

    public static final ReferencePath ROOT = compile("$");

    private final String text;
    private final boolean onContext;
    private final List<Object> steps;

    private ReferencePath(String text, boolean onContext, List<Object> steps) {
        this.text = text;
        this.onContext = onContext;
        this.steps = steps;
    }

    /** @throws IllegalArgumentException when the text is not a reference path */
    public static ReferencePath compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a reference path must start with '$': " + text);
        }
        boolean onContext = text.startsWith("$$");
        String jsonPath = onContext ? text.substring(1) : text;
        CompiledPath compiled;
        try {
            compiled = (CompiledPath) PathCompiler.compile(jsonPath);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid reference path '" + text + "': " + e.getMessage(), e);
        }
        List<Object> steps = new ArrayList<>();
        for (PathToken token = compiled.getRoot().getNext(); token != null; token = token.getNext()) {
            steps.add(step(text, token));
        }
        return new ReferencePath(text, onContext, List.copyOf(steps));
    }

    private static Object step(String text, PathToken token) {
        if (token instanceof PropertyPathToken property && property.singlePropertyCase()) {
            return property.getProperties().get(0);
        }
        if (token instanceof ArrayIndexToken index) {
            String fragment = index.getPathFragment();
            String digits = fragment.substring(1, fragment.length() - 1).trim();
            if (digits.matches("\\d+")) {
                return Integer.valueOf(digits);
            }
        }
        throw new IllegalArgumentException("invalid reference path '" + text
                + "': only '.field', \"['field']\" and '[index]' steps are allowed (no wildcards, filters or slices)");
    }

    public Optional<JsonNode> read(JsonNode input, JsonNode context) {
        JsonNode node = onContext ? context : input;
        for (Object step : steps) {
            node = step instanceof String field ? node.get(field) : node.get((Integer) step);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /**
     * ResultPath semantics: a copy of {@code target} with {@code value} at this path, replacing what was there and
     * creating missing objects on the way; the root path returns the value itself.
     *
     * @throws AslError States.ResultPathMatchFailure when a node on the way is not an object (or the index is
     *         outside the array)
     */
    public JsonNode writeInto(JsonNode target, JsonNode value) {
        if (steps.isEmpty()) {
            return value;
        }
        JsonNode root = target.deepCopy();
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String field && node instanceof ObjectNode object) {
                if (last) {
                    object.set(field, value);
                } else {
                    JsonNode child = object.get(field);
                    if (child == null) {
                        child = object.putObject(field);
                    }
                    node = child;
                }
            } else if (step instanceof Integer index && node instanceof ArrayNode array && index < array.size()) {
                if (last) {
                    array.set(index, value);
                } else {
                    node = array.get(index);
                }
            } else {
                throw new AslError(ErrorNames.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath '" + text
                        + "' to input '" + Json.write(target) + "'");
            }
        }
        return root;
    }

    @Override
    public String toString() {
        return text;
    }
}

package io.ticketflow.local.stepfunctions.asl;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSONPath-mode intrinsic functions, with the argument rules of the AWS guide. */
final class IntrinsicFunctions {

    private static final int ARRAY_RANGE_LIMIT = 1000;
    private static final int UNBOUNDED = Integer.MAX_VALUE;
    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("States.Format", new int[] {1, UNBOUNDED}),
            Map.entry("States.StringToJson", new int[] {1, 1}),
            Map.entry("States.JsonToString", new int[] {1, 1}),
            Map.entry("States.Array", new int[] {0, UNBOUNDED}),
            Map.entry("States.ArrayPartition", new int[] {2, 2}),
            Map.entry("States.ArrayContains", new int[] {2, 2}),
            Map.entry("States.ArrayRange", new int[] {3, 3}),
            Map.entry("States.ArrayGetItem", new int[] {2, 2}),
            Map.entry("States.ArrayLength", new int[] {1, 1}),
            Map.entry("States.ArrayUnique", new int[] {1, 1}),
            Map.entry("States.JsonMerge", new int[] {3, 3}),
            Map.entry("States.MathAdd", new int[] {2, 2}),
            Map.entry("States.MathRandom", new int[] {2, 3}),
            Map.entry("States.StringSplit", new int[] {2, 2}),
            Map.entry("States.UUID", new int[] {0, 0}),
            Map.entry("States.Base64Encode", new int[] {1, 1}),
            Map.entry("States.Base64Decode", new int[] {1, 1}),
            Map.entry("States.Hash", new int[] {2, 2}));
    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private IntrinsicFunctions() {
    }

    static boolean isKnown(String name) {
        return ARITY.containsKey(name);
    }

    static void checkArity(String name, int count) {
        int[] range = ARITY.get(name);
        if (count < range[0] || count > range[1]) {
            String expected = range[0] == range[1] ? String.valueOf(range[0])
                    : range[1] == UNBOUNDED ? "at least " + range[0] : range[0] + " to " + range[1];
            throw new IllegalArgumentException(name + " takes " + expected + " argument(s), got " + count);
        }
    }

    /** @param formatPieces the literal first argument split at its unescaped placeholders, or null */
    static JsonNode apply(String name, List<JsonNode> args, List<String> formatPieces) {
        return switch (name) {
            case "States.Format" -> format(args, formatPieces);
            case "States.StringToJson" -> stringToJson(string(name, args, 0));
            case "States.JsonToString" -> Json.text(Json.write(args.get(0)));
            case "States.Array" -> Json.array().addAll(args);
            case "States.ArrayPartition" -> partition(array(name, args, 0), positive(name, args, 1));
            case "States.ArrayContains" -> Json.NODES.booleanNode(contains(array(name, args, 0), args.get(1)));
            case "States.ArrayRange" -> range(integer(name, args, 0), integer(name, args, 1), integer(name, args, 2));
            case "States.ArrayGetItem" -> item(array(name, args, 0), integer(name, args, 1));
            case "States.ArrayLength" -> Json.NODES.numberNode(array(name, args, 0).size());
            case "States.ArrayUnique" -> unique(array(name, args, 0));
            case "States.JsonMerge" -> merge(args);
            case "States.MathAdd" -> Json.number(int32(name, args, 0) + int32(name, args, 1));
            case "States.MathRandom" -> random(args);
            case "States.StringSplit" -> split(string(name, args, 0), string(name, args, 1));
            case "States.UUID" -> Json.text(UUID.randomUUID().toString());
            case "States.Base64Encode" -> Json.text(Base64.getEncoder()
                    .encodeToString(string(name, args, 0).getBytes(StandardCharsets.UTF_8)));
            case "States.Base64Decode" -> base64Decode(string(name, args, 0));
            case "States.Hash" -> hash(args);
            default -> throw failure("unknown intrinsic function " + name);
        };
    }

    private static JsonNode format(List<JsonNode> args, List<String> literalPieces) {
        List<String> pieces = literalPieces != null ? literalPieces
                : List.of(string("States.Format", args, 0).split("\\{}", -1));
        if (pieces.size() - 1 != args.size() - 1) {
            throw failure("States.Format: the template has " + (pieces.size() - 1) + " placeholder(s) but "
                    + (args.size() - 1) + " value(s) were given");
        }
        StringBuilder out = new StringBuilder(pieces.get(0));
        for (int i = 1; i < pieces.size(); i++) {
            JsonNode value = args.get(i);
            if (value.isContainer()) {
                throw failure("States.Format: argument " + (i + 1) + " must be a string, number, boolean or null");
            }
            out.append(value.isString() ? value.stringValue() : Json.write(value)).append(pieces.get(i));
        }
        return Json.text(out.toString());
    }

    private static JsonNode stringToJson(String text) {
        return Json.tryParse(text).orElseThrow(() -> failure("States.StringToJson: not valid JSON: " + text));
    }

    private static JsonNode partition(ArrayNode array, int size) {
        ArrayNode chunks = Json.array();
        for (int start = 0; start < array.size(); start += size) {
            ArrayNode chunk = chunks.addArray();
            for (int i = start; i < Math.min(start + size, array.size()); i++) {
                chunk.add(array.get(i));
            }
        }
        return chunks;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode range(long first, long last, long step) {
        if (step == 0) {
            throw failure("States.ArrayRange: the step must not be 0");
        }
        ArrayNode values = Json.array();
        for (long v = first; step > 0 ? v <= last : v >= last; v += step) {
            if (values.size() == ARRAY_RANGE_LIMIT) {
                throw failure("States.ArrayRange: the array would have more than " + ARRAY_RANGE_LIMIT + " items");
            }
            values.add(Json.number(v));
        }
        return values;
    }

    private static JsonNode item(ArrayNode array, long index) {
        if (index < 0 || index >= array.size()) {
            throw failure("States.ArrayGetItem: index " + index + " is outside the array of " + array.size());
        }
        return array.get((int) index);
    }

    private static JsonNode unique(ArrayNode array) {
        Set<JsonNode> seen = new LinkedHashSet<>();
        array.forEach(seen::add);
        return Json.array().addAll(new ArrayList<>(seen));
    }

    private static JsonNode merge(List<JsonNode> args) {
        if (!args.get(0).isObject() || !args.get(1).isObject()) {
            throw failure("States.JsonMerge: the first two arguments must be JSON objects");
        }
        if (!args.get(2).isBoolean() || args.get(2).booleanValue()) {
            throw failure("States.JsonMerge: only the shallow mode is supported, the third argument must be false");
        }
        ObjectNode merged = (ObjectNode) args.get(0).deepCopy();
        return merged.setAll((ObjectNode) args.get(1));
    }

    private static JsonNode random(List<JsonNode> args) {
        long start = integer("States.MathRandom", args, 0);
        long end = integer("States.MathRandom", args, 1);
        if (start >= end) {
            throw failure("States.MathRandom: the start must be less than the end");
        }
        Random random = args.size() == 3 ? new Random(integer("States.MathRandom", args, 2))
                : ThreadLocalRandom.current();
        return Json.number(start + (long) (random.nextDouble() * (end - start)));
    }

    private static JsonNode split(String value, String delimiters) {
        ArrayNode parts = Json.array();
        StringTokenizer tokens = new StringTokenizer(value, delimiters);
        while (tokens.hasMoreTokens()) {
            parts.add(tokens.nextToken());
        }
        return parts;
    }

    private static JsonNode base64Decode(String encoded) {
        try {
            return Json.text(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failure("States.Base64Decode: not Base64: " + e.getMessage());
        }
    }

    private static JsonNode hash(List<JsonNode> args) {
        JsonNode data = args.get(0);
        String algorithm = string("States.Hash", args, 1);
        if (!HASH_ALGORITHMS.contains(algorithm)) {
            throw failure("States.Hash: the algorithm must be one of " + HASH_ALGORITHMS + ", got " + algorithm);
        }
        String text = data.isString() ? data.stringValue() : Json.write(data);
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return Json.text(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw failure("States.Hash: " + e.getMessage());
        }
    }

    private static String string(String function, List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!value.isString()) {
            throw failure(function + ": argument " + (index + 1) + " must be a string, got " + value);
        }
        return value.stringValue();
    }

    private static ArrayNode array(String function, List<JsonNode> args, int index) {
        if (args.get(index) instanceof ArrayNode array) {
            return array;
        }
        throw failure(function + ": argument " + (index + 1) + " must be an array, got " + args.get(index));
    }

    /** Non-integer numbers are rounded to the nearest integer, as the AWS guide says. */
    private static long integer(String function, List<JsonNode> args, int index) {
        JsonNode value = args.get(index);
        if (!value.isNumber()) {
            throw failure(function + ": argument " + (index + 1) + " must be a number, got " + value);
        }
        return value.decimalValue().setScale(0, RoundingMode.HALF_UP).longValue();
    }

    private static int positive(String function, List<JsonNode> args, int index) {
        long value = integer(function, args, index);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw failure(function + ": argument " + (index + 1) + " must be a positive integer, got " + value);
        }
        return (int) value;
    }

    private static long int32(String function, List<JsonNode> args, int index) {
        long value = integer(function, args, index);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw failure(function + ": argument " + (index + 1) + " is outside the 32-bit integer range");
        }
        return value;
    }

    private static AslError failure(String cause) {
        return new AslError(ErrorNames.INTRINSIC_FAILURE, cause);
    }
}

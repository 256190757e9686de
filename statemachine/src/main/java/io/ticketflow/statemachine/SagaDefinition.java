package io.ticketflow.statemachine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the saga state machines: its ASL text, shipped in this jar as {@code statemachine/<name>.asl.json},
 * with {@code ${...}} placeholders that each environment substitutes (the CDK app with alias ARNs and queue
 * URLs, the local runtime with local function ARNs). Plain Java: the local runtime reads it without
 * depending on anything else of the project.
 *
 * @param name      the state machine's name, also the file's base name
 * @param arnConfig the configuration key under which the functions that start it find its ARN
 */
public record SagaDefinition(String name, String arnConfig) {

    public static final SagaDefinition BOOKING = new SagaDefinition("booking-saga", "BOOKING_SAGA_ARN");
    public static final SagaDefinition CANCELLATION =
            new SagaDefinition("booking-cancellation", "BOOKING_CANCELLATION_ARN");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Pattern FUNCTION_ARN = Pattern.compile("([A-Z][A-Za-z0-9]*)FunctionArn");

    public static List<SagaDefinition> all() {
        return List.of(BOOKING, CANCELLATION);
    }

    /** The ASL exactly as in the repository. */
    public String text() {
        String resource = "/statemachine/" + name + ".asl.json";
        try (InputStream in = SagaDefinition.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code ${name}} of the definition, sorted. */
    public Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The definition with each placeholder replaced by {@code values.apply(placeholder)}.
     *
     * @throws IllegalArgumentException naming every placeholder without a value, since the machine would
     *         fail at its first run instead
     */
    public String substituted(Function<String, String> values) {
        List<String> missing = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.apply(matcher.group(1));
            if (value == null) {
                missing.add(matcher.group(1));
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + " has placeholders without a value: " + missing);
        }
        return out.toString();
    }

    /**
     * The definition with every {@code ${XxxFunctionArn}} replaced by {@code functionArn.apply("xxx")}, the
     * function bean name it stands for (the naming the CDK app uses too).
     */
    public String withFunctionArns(Function<String, String> functionArn) {
        return substituted(placeholder -> {
            Matcher matcher = FUNCTION_ARN.matcher(placeholder);
            return matcher.matches() ? functionArn.apply(functionName(matcher.group(1))) : null;
        });
    }

    /** {@code ReleaseSeatsFunctionArn} → {@code releaseSeats}; empty for other placeholders. */
    public static Optional<String> functionOf(String placeholder) {
        Matcher matcher = FUNCTION_ARN.matcher(placeholder);
        return matcher.matches() ? Optional.of(functionName(matcher.group(1))) : Optional.empty();
    }

    private static String functionName(String pascal) {
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }
}

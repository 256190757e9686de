package io.ticketflow.kernel.function;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Typed reads of a function's configuration (environment variables on Lambda, system properties locally; in
 * code usually {@code ctx.getEnvironment()::getProperty}). An unset or blank key takes its default; a value that
 * is not a number, or below its bound, fails at start-up with a message that names the key and the value.
 */
public final class Settings {

    private final Function<String, String> properties;

    public Settings(Function<String, String> properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /** The value without surrounding blanks; null when unset or blank. */
    public String text(String key) {
        String value = properties.apply(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public int intOf(String key, int fallback) {
        return intOf(key, fallback, Integer.MIN_VALUE);
    }

    /** @throws IllegalArgumentException when the value is not an {@code int} or is below {@code min} */
    public int intOf(String key, int fallback, int min) {
        long value = longOf(key, fallback, min);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be an integer of at most " + Integer.MAX_VALUE + ", was " + value);
        }
        return (int) value;
    }

    public long longOf(String key, long fallback) {
        return longOf(key, fallback, Long.MIN_VALUE);
    }

    /** @throws IllegalArgumentException when the value is not an integer or is below {@code min} */
    public long longOf(String key, long fallback, long min) {
        String value = text(key);
        if (value == null) {
            return fallback;
        }
        try {
            return atLeast(key, Long.parseLong(value), min);
        } catch (NumberFormatException e) {
            throw notAnInteger(key, e);
        }
    }

    /** A duration given in whole seconds, 0 or more. */
    public Duration seconds(String key, Duration fallback) {
        return Duration.ofSeconds(intOf(key, Math.toIntExact(fallback.toSeconds()), 0));
    }

    /** A duration given in milliseconds, 0 or more. */
    public Duration millis(String key, Duration fallback) {
        return Duration.ofMillis(longOf(key, fallback.toMillis(), 0));
    }

    private static long atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be " + min + " or more, was " + value);
        }
        return value;
    }

    private IllegalArgumentException notAnInteger(String key, NumberFormatException e) {
        return new IllegalArgumentException(key + " must be an integer, was '" + properties.apply(key) + "'", e);
    }
}

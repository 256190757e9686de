package io.ticketflow.concert;

import java.time.Duration;
import java.util.function.Function;

/** The Concert service's configuration (environment variables on Lambda, system properties locally). */
public final class ConcertSettings {

    /** How long a container serves a seat map from its cache; 0 turns the cache off. */
    public static final String SEAT_MAP_CACHE_TTL_MILLIS = "SEAT_MAP_CACHE_TTL_MILLIS";
    static final long DEFAULT_SEAT_MAP_CACHE_TTL_MILLIS = 1000;

    private ConcertSettings() {
    }

    public static Duration seatMapCacheTtl(Function<String, String> properties) {
        String value = properties.apply(SEAT_MAP_CACHE_TTL_MILLIS);
        if (value == null || value.isBlank()) {
            return Duration.ofMillis(DEFAULT_SEAT_MAP_CACHE_TTL_MILLIS);
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis < 0) {
                throw new IllegalArgumentException(SEAT_MAP_CACHE_TTL_MILLIS + " must be 0 or more, was " + millis);
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEAT_MAP_CACHE_TTL_MILLIS + " must be an integer, was '" + value + "'", e);
        }
    }
}

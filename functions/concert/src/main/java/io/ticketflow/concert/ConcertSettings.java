package io.ticketflow.concert;

import io.ticketflow.kernel.function.Settings;
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
        return new Settings(properties).millis(SEAT_MAP_CACHE_TTL_MILLIS, Duration.ofMillis(DEFAULT_SEAT_MAP_CACHE_TTL_MILLIS));
    }
}

package io.ticketflow.reservation;

import io.ticketflow.reservation.domain.HoldPolicy;
import java.time.Duration;
import java.util.function.Function;

/** The hold rules from configuration (environment variables on Lambda, system properties locally). */
public final class ReservationSettings {

    public static final String MAX_SEATS = "RESERVATION_MAX_SEATS";
    public static final String HOLD_SECONDS = "RESERVATION_HOLD_SECONDS";
    /** The booking saga's state machine; holds start no saga where it is not set (issue #3 alone). */
    public static final String BOOKING_SAGA_ARN = "BOOKING_SAGA_ARN";

    private ReservationSettings() {
    }

    public static HoldPolicy policy(Function<String, String> properties) {
        return new HoldPolicy(
                intOf(properties, MAX_SEATS, HoldPolicy.DEFAULT_MAX_SEATS),
                Duration.ofSeconds(intOf(properties, HOLD_SECONDS, (int) HoldPolicy.DEFAULT_HOLD_TIME.toSeconds())));
    }

    private static int intOf(Function<String, String> properties, String key, int fallback) {
        String value = properties.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + value + "'", e);
        }
    }
}

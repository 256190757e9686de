package io.ticketflow.point;

import io.ticketflow.point.domain.PointPolicy;
import java.util.function.Function;

/** The Point service's configuration (environment variables on Lambda, system properties locally). */
public final class PointSettings {

    public static final String MAX_CHARGE = "POINT_MAX_CHARGE";

    private PointSettings() {
    }

    public static PointPolicy policy(Function<String, String> properties) {
        String value = properties.apply(MAX_CHARGE);
        if (value == null || value.isBlank()) {
            return new PointPolicy(PointPolicy.DEFAULT_MAX_CHARGE);
        }
        try {
            return new PointPolicy(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_CHARGE + " must be an integer, was '" + value + "'", e);
        }
    }
}

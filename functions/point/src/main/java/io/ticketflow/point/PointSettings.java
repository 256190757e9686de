package io.ticketflow.point;

import io.ticketflow.kernel.function.Settings;
import io.ticketflow.point.domain.PointPolicy;
import java.util.function.Function;

/** The Point service's configuration (environment variables on Lambda, system properties locally). */
public final class PointSettings {

    public static final String MAX_CHARGE = "POINT_MAX_CHARGE";

    private PointSettings() {
    }

    public static PointPolicy policy(Function<String, String> properties) {
        return new PointPolicy(new Settings(properties).longOf(MAX_CHARGE, PointPolicy.DEFAULT_MAX_CHARGE));
    }
}

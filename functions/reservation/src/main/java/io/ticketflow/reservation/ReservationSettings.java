package io.ticketflow.reservation;

import io.ticketflow.kernel.function.Settings;
import io.ticketflow.reservation.domain.CancellationPolicy;
import io.ticketflow.reservation.domain.HoldPolicy;
import java.util.function.Function;

/** The hold rules from configuration (environment variables on Lambda, system properties locally). */
public final class ReservationSettings {

    public static final String MAX_SEATS = "RESERVATION_MAX_SEATS";
    public static final String HOLD_SECONDS = "RESERVATION_HOLD_SECONDS";
    /** Seats one user may hold and have booked of one concert, across reservations. */
    public static final String SEATS_PER_USER = "RESERVATION_SEATS_PER_USER";
    /** How long before the show a confirmed booking can no longer be cancelled with a refund. */
    public static final String CANCELLATION_CUTOFF_SECONDS = "RESERVATION_CANCELLATION_CUTOFF_SECONDS";
    /** The booking saga's state machine; holds start no saga where it is not set (issue #3 alone). */
    public static final String BOOKING_SAGA_ARN = "BOOKING_SAGA_ARN";
    /** The cancellation saga of confirmed bookings; without it a cancellation cannot be started. */
    public static final String BOOKING_CANCELLATION_ARN = "BOOKING_CANCELLATION_ARN";

    private ReservationSettings() {
    }

    public static HoldPolicy policy(Function<String, String> properties) {
        Settings settings = new Settings(properties);
        return new HoldPolicy(settings.intOf(MAX_SEATS, HoldPolicy.DEFAULT_MAX_SEATS),
                settings.seconds(HOLD_SECONDS, HoldPolicy.DEFAULT_HOLD_TIME),
                settings.intOf(SEATS_PER_USER, HoldPolicy.DEFAULT_SEATS_PER_USER, 1));
    }

    public static CancellationPolicy cancellation(Function<String, String> properties) {
        return new CancellationPolicy(new Settings(properties)
                .seconds(CANCELLATION_CUTOFF_SECONDS, CancellationPolicy.DEFAULT_CUTOFF));
    }
}

package io.ticketflow.reservation;

import io.ticketflow.kernel.function.Settings;
import io.ticketflow.reservation.domain.CancellationPolicy;
import io.ticketflow.reservation.domain.HoldPolicy;
import java.util.function.Function;

/**
 * The Reservation service's configuration (environment variables on Lambda, system properties locally): the hold
 * rules, and the state machines it starts, without which its context refuses to start.
 */
public final class ReservationSettings {

    public static final String MAX_SEATS = "RESERVATION_MAX_SEATS";
    public static final String HOLD_SECONDS = "RESERVATION_HOLD_SECONDS";
    /** Seats one user may hold and have booked of one concert, across reservations. */
    public static final String SEATS_PER_USER = "RESERVATION_SEATS_PER_USER";
    /** How long before the show a confirmed booking can no longer be cancelled with a refund. */
    public static final String CANCELLATION_CUTOFF_SECONDS = "RESERVATION_CANCELLATION_CUTOFF_SECONDS";
    /** The booking saga's state machine, which every hold starts; required. */
    public static final String BOOKING_SAGA_ARN = "BOOKING_SAGA_ARN";
    /** The cancellation saga of confirmed bookings; required. */
    public static final String BOOKING_CANCELLATION_ARN = "BOOKING_CANCELLATION_ARN";

    private ReservationSettings() {
    }

    /**
     * The state machine ARN configured under {@code key}.
     *
     * @throws IllegalStateException naming the key when it is not set: a hold without its saga could never be paid,
     *                               so a deployment without one must fail at start-up, not on a fan's hold
     */
    public static String requiredArn(Function<String, String> properties, String key) {
        String arn = new Settings(properties).text(key);
        if (arn == null) {
            throw new IllegalStateException(key + " is not configured: the Reservation service cannot start without it");
        }
        return arn;
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

package io.ticketflow.reservation.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one hold may take and for how long.
 *
 * @param maxSeats seats per reservation
 * @param holdTime how long a PENDING reservation keeps its seats without payment
 */
public record HoldPolicy(int maxSeats, Duration holdTime) {

    public static final int DEFAULT_MAX_SEATS = 4;
    public static final Duration DEFAULT_HOLD_TIME = Duration.ofMinutes(5);

    public HoldPolicy {
        Objects.requireNonNull(holdTime, "holdTime");
        if (maxSeats < 1) {
            throw new IllegalArgumentException("maxSeats must be >= 1, was " + maxSeats);
        }
        if (holdTime.isNegative() || holdTime.isZero()) {
            throw new IllegalArgumentException("holdTime must be positive, was " + holdTime);
        }
    }

    public static HoldPolicy defaults() {
        return new HoldPolicy(DEFAULT_MAX_SEATS, DEFAULT_HOLD_TIME);
    }
}

package io.ticketflow.reservation.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one hold may take, for how long, and how much one user may have of a concert.
 *
 * @param maxSeats     seats per reservation
 * @param holdTime     how long a PENDING reservation keeps its seats without payment
 * @param seatsPerUser seats one user may hold and have booked of one concert at once, across reservations: a cap
 *                     per reservation alone lets one admitted user hoard with hold after hold (issue #12)
 */
public record HoldPolicy(int maxSeats, Duration holdTime, int seatsPerUser) {

    public static final int DEFAULT_MAX_SEATS = 4;
    public static final Duration DEFAULT_HOLD_TIME = Duration.ofMinutes(5);
    public static final int DEFAULT_SEATS_PER_USER = 4;

    public HoldPolicy {
        Objects.requireNonNull(holdTime, "holdTime");
        if (maxSeats < 1) {
            throw new IllegalArgumentException("maxSeats must be >= 1, was " + maxSeats);
        }
        if (seatsPerUser < 1) {
            throw new IllegalArgumentException("seatsPerUser must be >= 1, was " + seatsPerUser);
        }
        if (holdTime.isNegative() || holdTime.isZero()) {
            throw new IllegalArgumentException("holdTime must be positive, was " + holdTime);
        }
    }

    /** The default cap per user. */
    public HoldPolicy(int maxSeats, Duration holdTime) {
        this(maxSeats, holdTime, DEFAULT_SEATS_PER_USER);
    }

    public static HoldPolicy defaults() {
        return new HoldPolicy(DEFAULT_MAX_SEATS, DEFAULT_HOLD_TIME, DEFAULT_SEATS_PER_USER);
    }
}

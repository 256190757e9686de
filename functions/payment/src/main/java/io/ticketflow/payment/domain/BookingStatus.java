package io.ticketflow.payment.domain;

/** Where a booking saga stands. */
public enum BookingStatus {
    RUNNING,
    CONFIRMED,
    FAILED,
    /** A confirmed booking whose cancellation (its own saga) went through: points refunded, seats freed. */
    CANCELLED
}

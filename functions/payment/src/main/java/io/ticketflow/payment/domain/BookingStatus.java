package io.ticketflow.payment.domain;

/** Where a booking saga stands. */
public enum BookingStatus {
    RUNNING,
    CONFIRMED,
    FAILED
}

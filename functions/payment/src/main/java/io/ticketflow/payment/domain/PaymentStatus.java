package io.ticketflow.payment.domain;

/**
 * A payment's life: AUTHORISED by the saga (its card part held, its points still to be deducted), CAPTURED once the
 * reservation is confirmed; CANCELLED (the authorisation voided) by a compensation before the capture, REFUNDED by
 * one after it or by a booking cancellation.
 */
public enum PaymentStatus {
    AUTHORISED,
    CAPTURED,
    CANCELLED,
    REFUNDED
}

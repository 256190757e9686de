package io.ticketflow.payment.domain;

/** A payment's life: processed by the saga, cancelled by a compensation or a booking cancellation. */
public enum PaymentStatus {
    PROCESSED,
    CANCELLED
}

package io.ticketflow.queue.domain;

/** Why a token left the queue; the values of {@code QUEUE_EXPIRED.payload.reason}. */
public enum ExpiryReason {
    /** The active window ended unused. */
    IDLE_TIMEOUT,
    /** The booking completed. */
    BOOKED,
    /** A seat hold timed out unpaid. */
    HOLD_EXPIRED,
    /** The user stopped polling, the activation passed the token over, and the grace period ended before they came back. */
    ABANDONED
}

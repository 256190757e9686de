package io.ticketflow.reservation.domain;

/** Why a reservation was cancelled; the saga's compensations (issue #4) name theirs. */
public enum CancelReason {
    USER_CANCELLED, PAYMENT_FAILED, INSUFFICIENT_POINTS, CONFIRMATION_FAILED, BOOKING_CANCELLED
}

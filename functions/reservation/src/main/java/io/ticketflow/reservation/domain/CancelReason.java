package io.ticketflow.reservation.domain;

/**
 * Why a reservation was cancelled; the saga's compensations (issue #4) name theirs. {@code BOOKING_NOT_STARTED}: the
 * hold was undone at once because its booking saga could not be started, so it could never have been paid.
 */
public enum CancelReason {
    USER_CANCELLED, PAYMENT_FAILED, INSUFFICIENT_POINTS, CONFIRMATION_FAILED, BOOKING_CANCELLED, BOOKING_NOT_STARTED
}

package io.ticketflow.reservation.domain;

/**
 * Why a reservation was cancelled; the saga's compensations (issue #4) name theirs. {@code BOOKING_NOT_STARTED}: the
 * hold was undone at once because its booking saga could not be started, so it could never have been paid.
 * {@code CAPTURE_FAILED}: the card was not charged after the reservation was confirmed, so the confirmation is undone.
 */
public enum CancelReason {
    USER_CANCELLED, PAYMENT_FAILED, INSUFFICIENT_POINTS, CONFIRMATION_FAILED, CAPTURE_FAILED, BOOKING_CANCELLED,
    BOOKING_NOT_STARTED;

    /**
     * Whether this cancellation undoes a CONFIRMED reservation (its seats SOLD) rather than a PENDING hold: a booking's
     * cancellation saga, and a capture that failed once the reservation was confirmed.
     */
    public boolean undoesConfirmation() {
        return this == BOOKING_CANCELLED || this == CAPTURE_FAILED;
    }
}

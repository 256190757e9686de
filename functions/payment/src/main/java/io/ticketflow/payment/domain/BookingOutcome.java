package io.ticketflow.payment.domain;

import java.util.Objects;

/**
 * A booking saga's execution as far as it has come.
 *
 * @param userId who the booking belongs to (from the execution input)
 * @param error  the saga's failure name (e.g. {@code InsufficientPoints}) when FAILED, else null
 */
public record BookingOutcome(String reservationId, String userId, BookingStatus status, String error, String cause) {

    public BookingOutcome {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(status, "status");
    }

    public boolean ownedBy(String someUserId) {
        return userId != null && userId.equals(someUserId);
    }
}

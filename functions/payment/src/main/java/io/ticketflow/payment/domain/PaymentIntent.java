package io.ticketflow.payment.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A booking waiting for its payment: stored by the saga's AwaitPayment step with the task token that
 * {@code POST /payments} resumes it with.
 *
 * @param amount    the reservation's total price, in points
 * @param expiresAt end of the hold: later, the saga times the wait out and nobody may pay any more
 */
public record PaymentIntent(String reservationId, String userId, String concertId, long amount, String queueToken,
                            String taskToken, Instant expiresAt) {

    public PaymentIntent {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(taskToken, "taskToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean ownedBy(String someUserId) {
        return userId.equals(someUserId);
    }
}

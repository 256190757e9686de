package io.ticketflow.payment.domain;

import io.ticketflow.kernel.CompositeKeys;
import java.time.Instant;
import java.util.Objects;

/**
 * The first {@code POST /payments} of a user with one Idempotency-Key; repeats of the key replay it.
 *
 * @param requestId the id the saga receives as {@code paymentRequestId}
 * @param faultAt   the saga step to fail on purpose (local fault injection), else null
 */
public record PaymentRequest(String userId, String idempotencyKey, String reservationId, String requestId,
                             String faultAt, Instant createdAt) {

    public PaymentRequest {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Keys are scoped per user: two users choosing the same key never see each other's request, whatever
     * characters their ids and keys contain.
     */
    public String requestKey() {
        return CompositeKeys.of(userId, idempotencyKey);
    }

    public boolean sameReservation(String otherReservationId) {
        return reservationId.equals(otherReservationId);
    }
}

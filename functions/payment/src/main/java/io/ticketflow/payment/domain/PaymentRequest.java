package io.ticketflow.payment.domain;

import io.ticketflow.kernel.CompositeKeys;
import java.time.Instant;
import java.util.Objects;

/**
 * The first {@code POST /payments} of a user with one Idempotency-Key; repeats of the key replay it.
 *
 * @param requestId the id the saga receives as {@code paymentRequestId}
 * @param faultAt   the saga step to fail on purpose (local fault injection), else null
 * @param outcome   how the booking ended (CONFIRMED or FAILED) as the first request saw it; null while it had not
 *                  when that request answered. A repeat of the key answers from it.
 * @param error     the saga's error name when FAILED
 */
public record PaymentRequest(String userId, String idempotencyKey, String reservationId, String requestId,
                             String faultAt, Instant createdAt, BookingStatus outcome, String error) {

    public PaymentRequest(String userId, String idempotencyKey, String reservationId, String requestId, String faultAt,
                          Instant createdAt) {
        this(userId, idempotencyKey, reservationId, requestId, faultAt, createdAt, null, null);
    }

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

    /** This request with the booking's end, as its answer told the caller. */
    public PaymentRequest settled(BookingStatus status, String sagaError) {
        if (status != BookingStatus.CONFIRMED && status != BookingStatus.FAILED) {
            throw new IllegalArgumentException("a payment's booking ends CONFIRMED or FAILED, not " + status);
        }
        return new PaymentRequest(userId, idempotencyKey, reservationId, requestId, faultAt, createdAt, status, sagaError);
    }

    public boolean sameReservation(String otherReservationId) {
        return reservationId.equals(otherReservationId);
    }
}

package io.ticketflow.payment.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One payment of one reservation.
 *
 * @param version     1 when processed, 2 once cancelled: the sequence of the payment's events
 * @param cancelledAt null while PROCESSED
 * @param reason      why it was cancelled, null while PROCESSED
 */
public record Payment(String paymentId, String reservationId, String userId, long amount, PaymentStatus status,
                      long version, Instant processedAt, Instant cancelledAt, String reason) {

    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
    }

    /**
     * The payment id of a reservation. Derived, not random: a retried processPayment (and a cancelPayment that
     * only knows the reservation) finds the one payment without an index, and no reservation is paid twice.
     */
    public static String idFor(String reservationId) {
        return UUID.nameUUIDFromBytes(("payment:" + reservationId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static Payment processed(PaymentIntent intent, Instant now) {
        return new Payment(idFor(intent.reservationId()), intent.reservationId(), intent.userId(), intent.amount(),
                PaymentStatus.PROCESSED, 1, now, null, null);
    }

    /** @throws IllegalStateException when already cancelled: a cancellation happens once */
    public Payment cancel(String why, Instant now) {
        if (status != PaymentStatus.PROCESSED) {
            throw new IllegalStateException("payment " + paymentId + " is already " + status);
        }
        return new Payment(paymentId, reservationId, userId, amount, PaymentStatus.CANCELLED, version + 1,
                processedAt, now, why);
    }
}

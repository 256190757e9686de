package io.ticketflow.payment.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One payment of one reservation: {@code pointsAmount} points and, when the user paid part by card, its card part.
 *
 * @param amount      the price: pointsAmount plus the card part's amount
 * @param card        null when the points paid it all
 * @param version     1 when authorised, then one more per change: the sequence of the payment's events
 * @param processedAt when it was authorised
 * @param cancelledAt when it was cancelled or refunded; null before
 * @param reason      why it was cancelled or refunded, null before
 */
public record Payment(String paymentId, String reservationId, String userId, long amount, long pointsAmount,
                      CardPart card, PaymentStatus status, long version, Instant processedAt, Instant cancelledAt,
                      String reason) {

    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        if (pointsAmount < 0 || pointsAmount + cardAmount(card) != amount) {
            throw new IllegalArgumentException("points " + pointsAmount + " and card " + cardAmount(card)
                    + " do not make the amount " + amount);
        }
    }

    /**
     * The payment id of a reservation. Derived, not random: a retried authorisePayment (and a cancelPayment that
     * only knows the reservation) finds the one payment without an index, and no reservation is paid twice.
     */
    public static String idFor(String reservationId) {
        return UUID.nameUUIDFromBytes(("payment:" + reservationId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** @param card the authorised card part, null when the split has none */
    public static Payment authorised(PaymentIntent intent, PaymentSplit split, CardPart card, Instant now) {
        return new Payment(idFor(intent.reservationId()), intent.reservationId(), intent.userId(), intent.amount(),
                split.pointsToUse(), card, PaymentStatus.AUTHORISED, 1, now, null, null);
    }

    public long cardAmount() {
        return cardAmount(card);
    }

    /** @param captureRef the provider's reference of the capture; null when there is no card part */
    public Payment capture(String captureRef) {
        require(PaymentStatus.AUTHORISED);
        return new Payment(paymentId, reservationId, userId, amount, pointsAmount,
                card == null ? null : card.captured(captureRef), PaymentStatus.CAPTURED, version + 1, processedAt,
                null, null);
    }

    /** The authorisation is released. @param voidRef null when there is no card part */
    public Payment cancel(String why, String voidRef, Instant now) {
        require(PaymentStatus.AUTHORISED);
        return new Payment(paymentId, reservationId, userId, amount, pointsAmount,
                card == null ? null : card.voided(voidRef), PaymentStatus.CANCELLED, version + 1, processedAt, now, why);
    }

    /** The captured card part is given back. @param refundRef null when there is no card part */
    public Payment refund(String why, String refundRef, Instant now) {
        require(PaymentStatus.CAPTURED);
        return new Payment(paymentId, reservationId, userId, amount, pointsAmount,
                card == null ? null : card.refunded(refundRef), PaymentStatus.REFUNDED, version + 1, processedAt, now,
                why);
    }

    private void require(PaymentStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("payment " + paymentId + " is " + status + ", not " + expected);
        }
    }

    private static long cardAmount(CardPart card) {
        return card == null ? 0 : card.amount();
    }
}

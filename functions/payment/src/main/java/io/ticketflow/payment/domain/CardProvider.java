package io.ticketflow.payment.domain;

import io.ticketflow.kernel.provider.ProviderUnavailable;
import java.util.Optional;

/**
 * The card processor that takes the card part of a payment. Every call carries an idempotency key derived from the
 * reservation ({@code <reservationId>:authorise}, {@code :capture}, {@code :void}, {@code :refund}), so a retried saga
 * step makes its call once; later calls name the authorisation by its key, which the saga always knows, even when a
 * timed-out authorisation left no reference behind.
 *
 * <p>Each call throws {@link ProviderUnavailable} when it got no usable answer (it may or may not have happened).
 */
public interface CardProvider {

    /**
     * Holds {@code amount} on the card.
     *
     * @return the provider's reference of the authorisation
     * @throws CardDeclined when the provider refuses the card (nothing is held)
     */
    String authorise(String idempotencyKey, String paymentMethod, long amount, String reservationId);

    /** Takes the held amount. @return the provider's reference of the capture */
    String capture(String idempotencyKey, String authorisationKey);

    /** Releases the hold. @return the provider's reference of the void; empty when nothing was authorised */
    Optional<String> voidAuthorisation(String idempotencyKey, String authorisationKey);

    /** Gives a captured amount back. @return the provider's reference of the refund */
    String refund(String idempotencyKey, String authorisationKey);

    static String authoriseKey(String reservationId) {
        return reservationId + ":authorise";
    }

    static String captureKey(String reservationId) {
        return reservationId + ":capture";
    }

    static String voidKey(String reservationId) {
        return reservationId + ":void";
    }

    static String refundKey(String reservationId) {
        return reservationId + ":refund";
    }

    /** The provider refused the card: a final answer, not to be retried. */
    final class CardDeclined extends RuntimeException {

        public CardDeclined(String message) {
            super(message);
        }
    }
}

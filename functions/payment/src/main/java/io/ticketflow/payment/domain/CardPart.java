package io.ticketflow.payment.domain;

import java.util.Objects;

/**
 * The part of a payment paid by card, with the provider's reference of each call made for it (null until made).
 *
 * @param paymentMethod the provider's card token the user paid with
 */
public record CardPart(long amount, String paymentMethod, String authorisationRef, String captureRef, String voidRef,
                       String refundRef) {

    public CardPart {
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(authorisationRef, "authorisationRef");
        if (amount <= 0) {
            throw new IllegalArgumentException("a card part is positive, was " + amount);
        }
    }

    public static CardPart authorised(long amount, String paymentMethod, String authorisationRef) {
        return new CardPart(amount, paymentMethod, authorisationRef, null, null, null);
    }

    CardPart captured(String ref) {
        return new CardPart(amount, paymentMethod, authorisationRef, Objects.requireNonNull(ref), voidRef, refundRef);
    }

    CardPart voided(String ref) {
        return new CardPart(amount, paymentMethod, authorisationRef, captureRef, Objects.requireNonNull(ref), refundRef);
    }

    CardPart refunded(String ref) {
        return new CardPart(amount, paymentMethod, authorisationRef, captureRef, voidRef, Objects.requireNonNull(ref));
    }
}

package io.ticketflow.point.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A top-up the user started: what the provider's checkout must be paid with before its points are credited.
 *
 * @param amount     the points to credit, also the price in minor units of {@code currency}
 * @param paymentUrl where the user pays
 */
public record TopUpOrder(String userId, String checkoutId, long amount, String currency, String paymentUrl,
                         Instant createdAt) {

    public TopUpOrder {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(checkoutId, "checkoutId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
        if (amount < 1) {
            throw new IllegalArgumentException("a top-up is of at least one point, was " + amount);
        }
    }
}

package io.ticketflow.point.function;

import io.ticketflow.point.domain.TopUpOrder;

/**
 * The answer to {@code POST /points/top-ups}: the checkout to pay at {@code paymentUrl}. Nothing is credited yet;
 * the points arrive with the provider's webhook once the user paid.
 */
public record TopUpCheckout(String checkoutId, long amount, String currency, String paymentUrl) {

    static TopUpCheckout of(TopUpOrder order) {
        return new TopUpCheckout(order.checkoutId(), order.amount(), order.currency(), order.paymentUrl());
    }
}

package io.ticketflow.payment.domain;

import io.ticketflow.kernel.problem.ProblemException;

/**
 * How a price is paid: {@code pointsToUse} points, the rest by the card {@code paymentMethod} (a provider token).
 *
 * @param paymentMethod null when the points pay it all
 */
public record PaymentSplit(long price, long pointsToUse, String paymentMethod) {

    /**
     * @param pointsToUse null for all points: the body {@code POST /payments} had before cards
     * @throws ProblemException {@link PaymentProblems#INVALID_PAYMENT_SPLIT} when the points are outside
     *                          {@code 0..price}, or a card part has no card
     */
    public static PaymentSplit of(long price, Long pointsToUse, String paymentMethod) {
        long points = pointsToUse == null ? price : pointsToUse;
        if (points < 0 || points > price) {
            throw new ProblemException(PaymentProblems.INVALID_PAYMENT_SPLIT,
                    "pointsToUse must be between 0 and the price " + price + ", was " + points);
        }
        String card = paymentMethod == null || paymentMethod.isBlank() ? null : paymentMethod.strip();
        if (points < price && card == null) {
            throw new ProblemException(PaymentProblems.INVALID_PAYMENT_SPLIT, "the card part " + (price - points)
                    + " needs a paymentMethod (a card token), or pointsToUse equal to the price " + price);
        }
        return new PaymentSplit(price, points, points < price ? card : null);
    }

    public long cardAmount() {
        return price - pointsToUse;
    }
}

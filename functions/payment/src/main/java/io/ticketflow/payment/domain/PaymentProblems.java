package io.ticketflow.payment.domain;

import io.ticketflow.kernel.problem.ProblemType;

/** The stable problem types the Payment service answers with, beyond the kernel's generic ones. */
public final class PaymentProblems {

    public static final ProblemType IDEMPOTENCY_KEY_MISSING =
            new ProblemType("idempotency-key-missing", "Idempotency-Key missing", 400);
    /** The key was used before by the same user for another reservation. */
    public static final ProblemType IDEMPOTENCY_KEY_REUSED =
            new ProblemType("idempotency-key-reused", "Idempotency-Key reused", 422);
    /** No booking of the caller waits for a payment under this reservation id (or it is someone else's). */
    public static final ProblemType NOT_AWAITING_PAYMENT =
            new ProblemType("not-awaiting-payment", "Reservation not awaiting payment", 404);
    /**
     * The caller's booking exists and its saga runs, but has not yet stored the payment intent it waits on: the
     * same request succeeds in a moment (answered with {@code Retry-After}).
     */
    public static final ProblemType PAYMENT_NOT_OPEN =
            new ProblemType("payment-not-open", "Payment not open yet", 409);
    /** {@code pointsToUse} outside {@code 0..price}, or a card part without a {@code paymentMethod}. */
    public static final ProblemType INVALID_PAYMENT_SPLIT =
            new ProblemType("invalid-payment-split", "Invalid payment split", 422);
    public static final ProblemType HOLD_EXPIRED = new ProblemType("hold-expired", "Hold expired", 409);
    public static final ProblemType PAYMENT_NOT_FOUND = new ProblemType("payment-not-found", "Payment not found", 404);
    public static final ProblemType BOOKING_NOT_FOUND = new ProblemType("booking-not-found", "Booking not found", 404);

    private PaymentProblems() {
    }
}

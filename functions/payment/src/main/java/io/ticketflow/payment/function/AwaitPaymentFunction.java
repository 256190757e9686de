package io.ticketflow.payment.function;

import io.ticketflow.payment.domain.PaymentIntent;
import io.ticketflow.payment.domain.PaymentRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * The saga's payment wait begins: stores the task token where {@code POST /payments} finds it. The state then
 * waits until that resumes it or its timeout (the hold time) ends it.
 */
public final class AwaitPaymentFunction implements Function<AwaitPayment, PaymentAwaited> {

    private final PaymentRepository payments;
    private final Clock clock;

    public AwaitPaymentFunction(PaymentRepository payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public PaymentAwaited apply(AwaitPayment input) {
        require(input.taskToken(), "taskToken");
        require(input.reservationId(), "reservationId");
        require(input.userId(), "userId");
        require(input.concertId(), "concertId");
        if (input.amount() == null || input.amount() < 0) {
            throw new IllegalArgumentException("amount must be a non-negative number of points, was " + input.amount());
        }
        if (input.holdSeconds() == null || input.holdSeconds() <= 0) {
            throw new IllegalArgumentException("holdSeconds must be positive, was " + input.holdSeconds());
        }
        Instant expiresAt = clock.instant().plusSeconds(input.holdSeconds());
        PaymentIntent stored = payments.saveIntent(new PaymentIntent(input.reservationId(), input.userId(),
                input.concertId(), input.amount(), input.queueToken(), input.taskToken(), expiresAt));
        return new PaymentAwaited(input.reservationId(), stored.expiresAt());
    }

    /** A missing field is a bug in the state machine, not a user's error: it fails the step loudly. */
    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required in the AwaitPayment payload");
        }
    }
}

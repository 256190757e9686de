package io.ticketflow.payment.function;

import io.ticketflow.payment.domain.Payment;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.payment.domain.PaymentStatus;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Compensation of ProcessPayment (and a step of cancelling a confirmed booking): cancels the reservation's
 * payment. Succeeds when there is nothing to undo — no payment, or one cancelled already — so the saga may
 * retry it freely.
 */
public final class CancelPaymentFunction implements Function<CancelPayment, PaymentCancellation> {

    static final String DEFAULT_REASON = "BOOKING_FAILED";
    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z_]*");

    private final PaymentRepository payments;
    private final Clock clock;

    public CancelPaymentFunction(PaymentRepository payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public PaymentCancellation apply(CancelPayment input) {
        if (input.reservationId() == null || input.reservationId().isBlank()) {
            throw new IllegalArgumentException("reservationId is required in the CancelPayment payload");
        }
        Optional<Payment> payment = payments.findPayment(Payment.idFor(input.reservationId()));
        if (payment.isEmpty()) {
            return new PaymentCancellation(input.reservationId(), null, "NO_PAYMENT");
        }
        if (payment.get().status() == PaymentStatus.PROCESSED
                && payments.saveCancelled(payment.get().cancel(reasonOf(input), clock.instant()))) {
            return new PaymentCancellation(input.reservationId(), payment.get().paymentId(), "CANCELLED");
        }
        return new PaymentCancellation(input.reservationId(), payment.get().paymentId(), "ALREADY_CANCELLED");
    }

    /** A compensation must not fail on a badly spelled reason: the event then says the generic one. */
    private static String reasonOf(CancelPayment input) {
        return input.reason() != null && REASON.matcher(input.reason()).matches() ? input.reason() : DEFAULT_REASON;
    }
}

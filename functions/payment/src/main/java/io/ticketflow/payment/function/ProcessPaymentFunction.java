package io.ticketflow.payment.function;

import io.ticketflow.kernel.saga.PaymentDeclined;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.payment.domain.PaymentIntent;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.payment.domain.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * Records the payment of a reservation, once: a retry finds the payment the first attempt stored and returns it.
 * Declines ({@link PaymentDeclined}, which the saga catches) when there is nothing payable: no intent, a hold
 * that has ended, or a payment cancelled already.
 */
public final class ProcessPaymentFunction implements Function<ProcessPayment, PaymentReceipt> {

    private final PaymentRepository payments;
    private final Clock clock;

    public ProcessPaymentFunction(PaymentRepository payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public PaymentReceipt apply(ProcessPayment input) {
        if (input.reservationId() == null || input.reservationId().isBlank()) {
            throw new IllegalArgumentException("reservationId is required in the ProcessPayment payload");
        }
        Instant now = clock.instant();
        var existing = payments.findPayment(Payment.idFor(input.reservationId()));
        if (existing.isPresent()) {
            return receiptOrDecline(existing.get());
        }
        PaymentIntent intent = payments.findIntent(input.reservationId())
                .orElseThrow(() -> new PaymentDeclined("no payment is awaited for reservation " + input.reservationId()));
        if (intent.expired(now)) {
            throw new PaymentDeclined("the hold of reservation " + input.reservationId() + " ended at " + intent.expiresAt());
        }
        return receiptOrDecline(payments.insertProcessed(Payment.processed(intent, now)));
    }

    private static PaymentReceipt receiptOrDecline(Payment payment) {
        if (payment.status() != PaymentStatus.PROCESSED) {
            throw new PaymentDeclined("the payment of reservation " + payment.reservationId() + " was cancelled");
        }
        return PaymentReceipt.of(payment);
    }
}

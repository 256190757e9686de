package io.ticketflow.payment.function;

import io.ticketflow.kernel.provider.ProviderUnavailable;
import io.ticketflow.kernel.saga.PaymentDeclined;
import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.payment.domain.CardProvider;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.payment.domain.PaymentStatus;
import java.util.function.Function;

/**
 * Saga step CapturePayment, after the reservation is confirmed: takes the authorised card part under the key
 * {@code <reservationId>:capture} and marks the payment CAPTURED (PAYMENT_CAPTURED; a payment in points alone is
 * captured without calling the provider). A retry of a capture that landed finds it CAPTURED. The provider refusing
 * the capture is a {@link PaymentDeclined}; no answer is a {@link TransientStepError}.
 */
public final class CapturePaymentFunction implements Function<CapturePayment, PaymentReceipt> {

    private final PaymentRepository payments;
    private final CardProvider cards;

    public CapturePaymentFunction(PaymentRepository payments, CardProvider cards) {
        this.payments = payments;
        this.cards = cards;
    }

    @Override
    public PaymentReceipt apply(CapturePayment input) {
        if (input.reservationId() == null || input.reservationId().isBlank()) {
            throw new IllegalArgumentException("reservationId is required in the CapturePayment payload");
        }
        Payment payment = payments.findPayment(Payment.idFor(input.reservationId())).orElseThrow(() ->
                new PaymentDeclined("reservation " + input.reservationId() + " has no payment to capture"));
        if (payment.status() == PaymentStatus.CAPTURED) {
            return PaymentReceipt.of(payment);
        }
        if (payment.status() != PaymentStatus.AUTHORISED) {
            throw new PaymentDeclined("the payment of reservation " + input.reservationId() + " is "
                    + payment.status() + " and cannot be captured");
        }
        Payment captured = payment.capture(payment.card() == null ? null : capture(input.reservationId()));
        if (!payments.saveChange(captured)) {
            // a twin delivery of this step saved first: answer what it saved
            return PaymentReceipt.of(payments.findPayment(payment.paymentId()).orElseThrow());
        }
        return PaymentReceipt.of(captured);
    }

    private String capture(String reservationId) {
        try {
            return cards.capture(CardProvider.captureKey(reservationId), CardProvider.authoriseKey(reservationId));
        } catch (CardProvider.CardDeclined refused) {
            throw new PaymentDeclined(refused.getMessage());
        } catch (ProviderUnavailable unavailable) {
            throw new TransientStepError(unavailable.getMessage(), unavailable);
        }
    }
}

package io.ticketflow.payment.function;

import io.ticketflow.payment.domain.Payment;
import io.ticketflow.payment.domain.PaymentStatus;

/** What AuthorisePayment and CapturePayment hand back to the saga. */
public record PaymentReceipt(String paymentId, String reservationId, long amount, PaymentStatus status) {

    static PaymentReceipt of(Payment payment) {
        return new PaymentReceipt(payment.paymentId(), payment.reservationId(), payment.amount(), payment.status());
    }
}

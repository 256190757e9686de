package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.payment.domain.PaymentStatus;
import java.time.Instant;

/** A payment as its owner sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(String paymentId, String reservationId, long amount, long pointsAmount, long cardAmount,
                          PaymentStatus status, Instant processedAt, Instant cancelledAt, String reason) {

    static PaymentView of(Payment payment) {
        return new PaymentView(payment.paymentId(), payment.reservationId(), payment.amount(), payment.pointsAmount(),
                payment.cardAmount(), payment.status(), payment.processedAt(), payment.cancelledAt(), payment.reason());
    }
}

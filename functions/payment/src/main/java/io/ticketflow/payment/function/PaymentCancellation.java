package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of CancelPayment.
 *
 * @param paymentId null when there was no payment (nothing to undo)
 * @param outcome   {@code CANCELLED} (voided now), {@code REFUNDED} (now), {@code ALREADY_CANCELLED} or
 *                  {@code NO_PAYMENT}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentCancellation(String reservationId, String paymentId, String outcome) {
}

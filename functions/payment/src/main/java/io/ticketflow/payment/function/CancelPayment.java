package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The CancelPayment state's payload.
 *
 * @param reason why, e.g. {@code INSUFFICIENT_POINTS}; upper-case words, else the generic {@code BOOKING_FAILED}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CancelPayment(String reservationId, String reason) {
}

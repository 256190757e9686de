package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The ProcessPayment state's payload: the saga's state, of which only the reservation matters here. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProcessPayment(String reservationId) {
}

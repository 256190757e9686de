package io.ticketflow.reservation.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The booking saga's ConfirmReservation step: the payment went through. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfirmReservation(String reservationId, String paymentId) {
}

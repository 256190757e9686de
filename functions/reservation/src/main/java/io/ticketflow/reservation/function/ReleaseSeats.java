package io.ticketflow.reservation.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.ticketflow.reservation.domain.ReservationStatus;

/**
 * The booking saga's compensation: give the reservation's seats back.
 *
 * @param outcome EXPIRED (the payment did not come in time) or CANCELLED
 * @param reason  for CANCELLED, the cancellation reason of RESERVATION_CANCELLED (PAYMENT_FAILED, ...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseSeats(String reservationId, ReservationStatus outcome, String reason) {
}

package io.ticketflow.reservation.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Asks for the PENDING bookings; carries nothing, unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PendingBookingsQuery() {
}

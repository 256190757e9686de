package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The CapturePayment state's payload. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CapturePayment(String reservationId) {
}

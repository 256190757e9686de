package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketflow.payment.domain.Payment;

/**
 * The answer to {@code POST /payments}: {@code CONFIRMED} (200) when the booking completed within the wait,
 * {@code FAILED} (200, with the saga's error name) when it ended without a booking, else {@code PROCESSING}
 * (202, follow {@link #location()}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentAnswer(String status, String reservationId, String paymentId, String error) {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String FAILED = "FAILED";
    public static final String PROCESSING = "PROCESSING";

    static PaymentAnswer confirmed(String reservationId) {
        return new PaymentAnswer(CONFIRMED, reservationId, Payment.idFor(reservationId), null);
    }

    static PaymentAnswer failed(String reservationId, String error) {
        return new PaymentAnswer(FAILED, reservationId, null, error);
    }

    static PaymentAnswer processing(String reservationId) {
        return new PaymentAnswer(PROCESSING, reservationId, null, null);
    }

    @JsonIgnore
    public int httpStatus() {
        return PROCESSING.equals(status) ? 202 : 200;
    }

    /** Where the booking's progress can be followed. */
    @JsonIgnore
    public String location() {
        return "/bookings/" + reservationId;
    }
}

package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The CancelPayment state's payload.
 *
 * @param reason  why, e.g. {@code INSUFFICIENT_POINTS}; upper-case words, else the generic {@code BOOKING_FAILED}
 * @param payment the split of {@code POST /payments} ({@code $.payment}); null in the cancellation of a confirmed
 *                booking, whose payment is stored
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CancelPayment(String reservationId, String reason, Split payment) {

    public CancelPayment(String reservationId, String reason) {
        this(reservationId, reason, null);
    }

    /** @param cardAmount the part the card pays */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Split(long cardAmount) {
    }

    boolean hadCardPart() {
        return payment != null && payment.cardAmount() > 0;
    }
}

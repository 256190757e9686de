package io.ticketflow.point.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The saga's RefundPoints compensation: give back what the reservation's deduction took, if anything. The
 * amount is not an input on purpose: the refund is exactly the deduction's ledger line.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RefundPoints(String reservationId, String userId) {

    public RefundPoints {
        SagaStepInput.requireIds("refundPoints", reservationId, userId);
    }
}

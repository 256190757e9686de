package io.ticketflow.point.function;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The saga's DeductPoints step: take the reservation's price from the user's balance. The operation id is
 * derived from the reservation ({@code <reservationId>:deduct}), so every retry of the step is the same
 * operation. Unknown fields (the rest of the saga's state, {@code faultAt}) are ignored.
 *
 * @param amount the reservation's total price; the saga may send it as {@code totalPrice}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeductPoints(String reservationId, String userId, @JsonAlias("totalPrice") long amount) {

    public DeductPoints {
        SagaStepInput.requireIds("deductPoints", reservationId, userId);
        if (amount <= 0) {
            throw new IllegalArgumentException("deductPoints needs a positive amount, was " + amount);
        }
    }
}

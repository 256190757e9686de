package io.ticketflow.point.function;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The saga's DeductPoints step: take the reservation's price from the user's balance. The operation id is
 * derived from the reservation ({@code <reservationId>:deduct}), so every retry of the step is the same
 * operation. Unknown fields (the rest of the saga's state, {@code faultAt}) are ignored.
 *
 * @param amount the points part of the reservation's price ({@code pointsToUse} of the payment); 0 when a card pays
 *               it all
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeductPoints(String reservationId, String userId, @JsonAlias("totalPrice") long amount) {

    public DeductPoints {
        SagaStepInput.requireIds("deductPoints", reservationId, userId);
        if (amount < 0) {
            throw new IllegalArgumentException("deductPoints needs an amount of at least 0, was " + amount);
        }
    }
}

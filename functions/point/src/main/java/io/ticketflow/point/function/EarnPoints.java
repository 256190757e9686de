package io.ticketflow.point.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.ticketflow.point.domain.PointBook;

/**
 * The saga's EarnPoints step, after the card capture: points for the part of the price paid by card. The operation
 * id is the reservation's ({@code <reservationId>:earn}), so every retry of the step is the same operation; when
 * the saga sends it, it must be that one. Unknown fields (the rest of the saga's state) are ignored.
 *
 * @param cardAmount the amount captured by card, in minor units; 0 when the fan paid everything in points
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EarnPoints(String operationId, String reservationId, String userId, Long cardAmount) {

    public EarnPoints {
        SagaStepInput.requireIds("earnPoints", reservationId, userId);
        SagaStepInput.requireOperation("earnPoints", operationId, PointBook.earningId(reservationId));
        if (cardAmount == null || cardAmount < 0) {
            throw new IllegalArgumentException("earnPoints needs a cardAmount of 0 or more, was " + cardAmount);
        }
    }
}

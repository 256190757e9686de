package io.ticketflow.point.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.ticketflow.point.domain.PointBook;

/**
 * The first step of a confirmed booking's cancellation: take back what the booking earned. The amount is not an
 * input on purpose: it is exactly the earning's ledger line ({@code <reservationId>:earn}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TakeBackEarnedPoints(String operationId, String reservationId, String userId) {

    public TakeBackEarnedPoints {
        SagaStepInput.requireIds("takeBackEarnedPoints", reservationId, userId);
        SagaStepInput.requireOperation("takeBackEarnedPoints", operationId, PointBook.earningReversalId(reservationId));
    }
}

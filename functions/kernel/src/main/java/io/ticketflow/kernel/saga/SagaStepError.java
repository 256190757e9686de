package io.ticketflow.kernel.saga;

/**
 * A saga step's failure that the state machine branches on by this exception's class name.
 * Sealed so the set of names the ASL may catch is closed and known to its tests.
 */
public abstract sealed class SagaStepError extends RuntimeException
        permits EarnedPointsSpent, InsufficientPoints, PaymentDeclined, ReservationNotPending, StepFaultInjected,
        TransientStepError {

    protected SagaStepError(String message) {
        super(message);
    }

    protected SagaStepError(String message, Throwable cause) {
        super(message, cause);
    }
}

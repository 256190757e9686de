package io.ticketflow.kernel.saga;

/**
 * The points a booking earned cannot be taken back because the fan has spent them: the balance is below what the
 * booking earned. Nothing is written, so a cancellation that starts with taking them back is refused before
 * anything of the booking is undone (problem type {@code earned-points-spent}, 409).
 */
public final class EarnedPointsSpent extends SagaStepError {

    public EarnedPointsSpent(String message) {
        super(message);
    }
}

package io.ticketflow.payment.domain;

import io.ticketflow.kernel.problem.ProblemType;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.util.Map;

/**
 * The cancellation saga's failures that refuse a cancellation for the account's state, by the error name of their
 * Fail state in {@code booking-cancellation.asl.json}, with the problem type a client branches on. Any other failure
 * (CompensationFailed, a timeout) is the system's, not a refusal, and has none.
 */
public final class CancellationRefusals {

    /** The Fail state's error when the fan has spent the points the booking earned: nothing was undone. */
    public static final String EARNED_POINTS_SPENT = "EarnedPointsSpent";

    private static final Map<String, ProblemType> BY_ERROR = Map.of(EARNED_POINTS_SPENT, ProblemTypes.EARNED_POINTS_SPENT);

    private CancellationRefusals() {
    }

    /** @return the problem type of a refusal, or null when {@code error} is none (or null) */
    public static ProblemType problemOf(String error) {
        return error == null ? null : BY_ERROR.get(error);
    }
}

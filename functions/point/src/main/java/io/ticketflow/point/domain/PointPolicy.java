package io.ticketflow.point.domain;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.util.regex.Pattern;

/**
 * What a charge may be.
 *
 * @param maxCharge the largest amount one charge may add
 */
public record PointPolicy(long maxCharge) {

    public static final long DEFAULT_MAX_CHARGE = 1_000_000;

    /**
     * Request ids are the client's idempotency keys. No {@code :} so they can never take the form of the
     * saga's operation ids ({@code <reservationId>:deduct}) that share the ledger's key space.
     */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public PointPolicy {
        if (maxCharge < 1) {
            throw new IllegalArgumentException("the maximum charge must be positive, was " + maxCharge);
        }
    }

    /** @throws ProblemException when the request id or the amount is not acceptable */
    public void checkCharge(String requestId, Long amount) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST,
                    "requestId is required: 1 to 64 letters, digits, '-' or '_'");
        }
        checkAmount(amount);
    }

    /** @throws ProblemException when the amount of a charge or a top-up is not acceptable */
    public void checkAmount(Long amount) {
        if (amount == null || amount < 1 || amount > maxCharge) {
            throw new ProblemException(PointProblems.CHARGE_OUT_OF_RANGE,
                    "amount must be between 1 and " + maxCharge + ", was " + amount);
        }
    }
}

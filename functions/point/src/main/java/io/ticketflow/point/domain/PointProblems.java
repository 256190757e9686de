package io.ticketflow.point.domain;

import io.ticketflow.kernel.problem.ProblemType;

/** The Point service's own problem types. */
public final class PointProblems {

    public static final ProblemType CHARGE_OUT_OF_RANGE =
            new ProblemType("charge-amount-out-of-range", "Charge amount out of range", 400);
    /** The same request id came back with another amount: a client bug, never silently applied. */
    public static final ProblemType REQUEST_ID_REUSED =
            new ProblemType("charge-request-id-reused", "Request id already used for another charge", 409);

    private PointProblems() {
    }
}

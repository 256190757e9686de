package io.ticketflow.kernel.problem;

/** The problem types every service shares; a service defines its own (e.g. {@code seat-unavailable}) beside them. */
public final class ProblemTypes {

    /** The body is not JSON, or not the JSON shape the endpoint reads. */
    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", "Malformed request", 400);
    /** Well-formed, but a value breaks a rule (missing path parameter, negative amount, ...). */
    public static final ProblemType INVALID_REQUEST = new ProblemType("invalid-request", "Invalid request", 400);
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", "Authentication required", 401);
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", "Forbidden", 403);
    /** A verified caller whose token lacks the scope the route needs (RFC 6750's {@code insufficient_scope}). */
    public static final ProblemType INSUFFICIENT_SCOPE = new ProblemType("insufficient-scope", "Insufficient scope", 403);
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", "Not found", 404);
    public static final ProblemType CONFLICT = new ProblemType("conflict", "Conflict", 409);
    /** AWS kept refusing for capacity (throttling) after every retry: nothing was done, ask again later. */
    public static final ProblemType SERVICE_BUSY = new ProblemType("service-busy", "Service busy", 503);
    /**
     * A confirmed booking's cancellation refused because the fan has spent the points the booking earned
     * ({@link io.ticketflow.kernel.saga.EarnedPointsSpent}): a conflict with the account's state, nothing undone.
     * Here rather than in a service because Point raises it and the booking's services answer with it.
     */
    public static final ProblemType EARNED_POINTS_SPENT =
            new ProblemType("earned-points-spent", "Earned points already spent", 409);
    public static final ProblemType INTERNAL = new ProblemType("internal", "Internal error", 500);

    private ProblemTypes() {
    }
}

package io.ticketflow.point.domain;

import io.ticketflow.kernel.problem.ProblemType;

/** The Point service's own problem types. */
public final class PointProblems {

    public static final ProblemType CHARGE_OUT_OF_RANGE =
            new ProblemType("charge-amount-out-of-range", "Charge amount out of range", 400);
    /** The same request id came back with another amount: a client bug, never silently applied. */
    public static final ProblemType REQUEST_ID_REUSED =
            new ProblemType("charge-request-id-reused", "Request id already used for another charge", 409);

    /** The webhook's signature header is missing, malformed or signed with another secret. */
    public static final ProblemType WEBHOOK_SIGNATURE_INVALID =
            new ProblemType("webhook-signature-invalid", "Webhook signature invalid", 400);
    /** A correctly signed delivery outside the replay window: a captured delivery sent again later. */
    public static final ProblemType WEBHOOK_SIGNATURE_EXPIRED =
            new ProblemType("webhook-signature-expired", "Webhook signature outside the replay window", 400);
    /** A signed event about a checkout we did not open, or for another amount or currency than we opened it. */
    public static final ProblemType TOP_UP_MISMATCH =
            new ProblemType("top-up-mismatch", "Event does not match a top-up", 400);
    /** The payment provider did not open a checkout. */
    public static final ProblemType PROVIDER_UNAVAILABLE =
            new ProblemType("payment-provider-unavailable", "Payment provider unavailable", 503);

    private PointProblems() {
    }
}

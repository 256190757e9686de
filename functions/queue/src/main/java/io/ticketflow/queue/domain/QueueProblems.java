package io.ticketflow.queue.domain;

import io.ticketflow.kernel.problem.ProblemType;

/** The stable problem types the Queue service answers with, beyond the kernel's generic ones. */
public final class QueueProblems {

    /** No queue is open for this concert id (the counter item is missing). */
    public static final ProblemType UNKNOWN_CONCERT = new ProblemType("unknown-concert", "Unknown concert", 404);
    /** An operator closed the concert's queue: no new entries until it is opened again. */
    public static final ProblemType QUEUE_CLOSED = new ProblemType("queue-closed", "Queue closed", 409);
    public static final ProblemType QUEUE_TOKEN_NOT_FOUND =
            new ProblemType("queue-token-not-found", "Queue token not found", 404);
    public static final ProblemType QUEUE_TOKEN_OF_ANOTHER_USER =
            new ProblemType("queue-token-of-another-user", "Queue token belongs to another user", 403);

    /** Enter without the {@code X-Queue-Work} header: the client must solve the concert's work first. */
    public static final ProblemType WORK_MISSING =
            new ProblemType("proof-of-work-missing", "Proof of work missing", 400);
    /** The work does not check out: malformed, stale, for another user or concert, or too easy. */
    public static final ProblemType WORK_INVALID =
            new ProblemType("proof-of-work-invalid", "Proof of work invalid", 400);
    /** Too many enters from this user or this address in the current minute; Retry-After says when to try again. */
    public static final ProblemType ENTER_RATE_LIMITED =
            new ProblemType("enter-rate-limited", "Too many enters", 429);

    private QueueProblems() {
    }
}

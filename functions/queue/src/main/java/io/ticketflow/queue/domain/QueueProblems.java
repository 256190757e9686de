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

    private QueueProblems() {
    }
}

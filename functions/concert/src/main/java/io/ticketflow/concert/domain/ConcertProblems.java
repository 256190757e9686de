package io.ticketflow.concert.domain;

import io.ticketflow.kernel.problem.ProblemType;

/** The stable problem types the Concert service answers with, beyond the kernel's generic ones. */
public final class ConcertProblems {

    public static final ProblemType UNKNOWN_CONCERT = new ProblemType("unknown-concert", "Unknown concert", 404);
    public static final ProblemType UNKNOWN_SCHEDULE = new ProblemType("unknown-schedule", "Unknown schedule", 404);

    private ConcertProblems() {
    }
}

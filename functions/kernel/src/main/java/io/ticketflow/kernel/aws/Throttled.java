package io.ticketflow.kernel.aws;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.time.Duration;

/**
 * AWS kept refusing work for capacity after every attempt {@link Backoff} allowed. Nothing of the work was done,
 * so the HTTP edge answers {@code service-busy} (503) with {@code Retry-After}, and a task or consumer fails, to
 * be retried by its trigger. The detail is the client's; {@link #refused()} says what AWS refused, for the log.
 */
public final class Throttled extends ProblemException {

    /** Long enough for DynamoDB's adaptive capacity to react, short enough for a waiting fan. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final String refused;

    /** @param refused what AWS refused, e.g. "BatchGetItem on table x: 3 keys unprocessed" (never shown to a client) */
    public Throttled(String refused, Throwable cause) {
        super(ProblemTypes.SERVICE_BUSY, "the service is busy; please retry after the Retry-After delay",
                RETRY_AFTER);
        this.refused = refused;
        if (cause != null) {
            initCause(cause);
        }
    }

    public String refused() {
        return refused;
    }

    @Override
    public String toString() {
        return Throttled.class.getName() + ": " + refused;
    }
}

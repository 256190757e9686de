package io.ticketflow.kernel.problem;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by domain code to end a request with a known problem; the HTTP edge turns it into an
 * {@code application/problem+json} response with the type's status. The detail is shown to the client,
 * so it must not carry secrets or internals.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    /**
     * A problem that passes by itself, so the same request may succeed later.
     *
     * @param retryAfter how long the client should wait before asking again; the HTTP edge answers it as
     *                   {@code Retry-After} in whole seconds (at least 1). Null when asking again will not help.
     */
    public ProblemException(ProblemType type, String detail, Duration retryAfter) {
        super(detail);
        this.type = Objects.requireNonNull(type, "type");
        if (retryAfter != null && (retryAfter.isNegative() || retryAfter.isZero())) {
            throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    public ProblemType type() {
        return type;
    }

    /** Empty when asking again will not help. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The client-facing explanation of this occurrence. */
    public String detail() {
        return getMessage();
    }
}

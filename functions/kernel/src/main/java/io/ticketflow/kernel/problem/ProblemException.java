package io.ticketflow.kernel.problem;

import java.util.Objects;

/**
 * Thrown by domain code to end a request with a known problem; the HTTP edge turns it into an
 * {@code application/problem+json} response with the type's status. The detail is shown to the client,
 * so it must not carry secrets or internals.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = Objects.requireNonNull(type, "type");
    }

    public ProblemType type() {
        return type;
    }

    /** The client-facing explanation of this occurrence. */
    public String detail() {
        return getMessage();
    }
}

package io.ticketflow.kernel.problem;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Thrown by domain code to end a request with a known problem; the HTTP edge turns it into an
 * {@code application/problem+json} response with the type's status. The detail is shown to the client,
 * so it must not carry secrets or internals.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    protected ProblemException(ProblemType type, String detail, Map<String, String> headers) {
        super(detail);
        this.type = Objects.requireNonNull(type, "type");
        this.headers = Map.copyOf(headers);
    }

    /**
     * A problem the client may retry after {@code delay} (RFC 9110 {@code Retry-After}, whole seconds, at least 1):
     * nothing of the request was kept, and asking again later may well succeed.
     */
    public static ProblemException retryLater(ProblemType type, String detail, Duration delay) {
        return new ProblemException(type, detail, retryAfter(delay));
    }

    /** The {@code Retry-After} header of a delay, rounded up to whole seconds. */
    protected static Map<String, String> retryAfter(Duration delay) {
        long seconds = Math.max(1, (delay.toMillis() + 999) / 1000);
        return Map.of("retry-after", String.valueOf(seconds));
    }

    public ProblemType type() {
        return type;
    }

    /** Response headers the problem answer carries besides its content type (lower-case names). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The client-facing explanation of this occurrence. */
    public String detail() {
        return getMessage();
    }
}

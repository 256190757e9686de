package io.ticketflow.kernel.auth;

/** The bearer token is not acceptable; the message says why (safe to log, it holds no token material). */
public final class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String reason) {
        super(reason);
    }

    public InvalidTokenException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

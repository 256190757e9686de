package io.ticketflow.kernel.provider;

/**
 * The payment provider did not give a usable answer: unreachable, too slow, a 5xx, or a body that is not what its
 * API promises. Whether the call took effect is unknown, so a caller retries it under the same idempotency key.
 */
public final class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

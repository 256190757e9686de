package io.ticketflow.kernel.saga;

/** A failure worth retrying (throttling, a lost transaction race); the ASL retries it with backoff. */
public final class TransientStepError extends SagaStepError {

    public TransientStepError(String message) {
        super(message);
    }

    public TransientStepError(String message, Throwable cause) {
        super(message, cause);
    }
}

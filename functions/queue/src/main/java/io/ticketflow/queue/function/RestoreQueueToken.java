package io.ticketflow.queue.function;

/** Booking saga compensation: the payment failed, the token goes back in line. */
public record RestoreQueueToken(String queueToken) {

    public RestoreQueueToken {
        if (queueToken == null || queueToken.isBlank()) {
            throw new IllegalArgumentException("restoreQueueToken needs a queueToken");
        }
    }
}

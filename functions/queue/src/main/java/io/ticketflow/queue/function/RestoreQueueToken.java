package io.ticketflow.queue.function;

/**
 * Booking saga compensation: the payment failed, the token goes back in line.
 *
 * @param reservationId the booking whose payment failed: a token is put back once per booking
 */
public record RestoreQueueToken(String queueToken, String reservationId) {

    public RestoreQueueToken {
        if (queueToken == null || queueToken.isBlank()) {
            throw new IllegalArgumentException("restoreQueueToken needs a queueToken");
        }
        if (reservationId == null || reservationId.isBlank()) {
            throw new IllegalArgumentException("restoreQueueToken needs a reservationId");
        }
    }
}

package io.ticketflow.queue.function;

import io.ticketflow.queue.domain.ExpiryReason;

/**
 * Booking saga step: the token's turn is used up — the booking completed ({@code BOOKED}) or its hold ran out
 * unpaid ({@code HOLD_EXPIRED}).
 */
public record ExpireQueueToken(String queueToken, ExpiryReason reason) {

    public ExpireQueueToken {
        if (queueToken == null || queueToken.isBlank()) {
            throw new IllegalArgumentException("expireQueueToken needs a queueToken");
        }
        if (reason == null) {
            throw new IllegalArgumentException("expireQueueToken needs a reason");
        }
    }
}

package io.ticketflow.queue.function;

import io.ticketflow.queue.domain.TokenStatus;

/**
 * What a saga step did to a token.
 *
 * @param status  the token's status afterwards; null for a token that does not exist
 * @param changed false when there was nothing to do (already done by an earlier attempt, or not applicable)
 */
public record QueueTokenChange(String queueToken, TokenStatus status, boolean changed) {
}

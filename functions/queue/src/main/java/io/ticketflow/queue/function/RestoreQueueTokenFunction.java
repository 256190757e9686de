package io.ticketflow.queue.function;

import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.TokenStatus;
import java.util.function.Function;

/**
 * Puts an ACTIVE token back to WAITING at its old seq and frees its active place, with a QUEUE_RESTORED event
 * marked {@code restored} (the admission views stop admitting it). The token is recorded in the counter's
 * restored set, so the next activation ticks re-admit it before newer tokens (its position is 1 meanwhile). Idempotent: a token that is not ACTIVE (restored already,
 * or expired meanwhile) or unknown is left as it is — there is nothing to undo — and so is one restored for this
 * reservation before and re-admitted since.
 */
public final class RestoreQueueTokenFunction implements Function<RestoreQueueToken, QueueTokenChange> {

    private final QueueRepository queues;

    public RestoreQueueTokenFunction(QueueRepository queues) {
        this.queues = queues;
    }

    @Override
    public QueueTokenChange apply(RestoreQueueToken command) {
        if (queues.restoredFor(command.queueToken(), command.reservationId())) {
            // delivered again, perhaps after the activation re-admitted the token: it went back in line once
            return queues.findToken(command.queueToken())
                    .map(token -> new QueueTokenChange(token.token(), token.status(), false))
                    .orElseThrow(() -> new IllegalStateException("token " + command.queueToken() + " was restored but is gone"));
        }
        return ActiveTokenChange.apply(queues, command.queueToken(),
                token -> queues.restore(token.restore(), command.reservationId()), TokenStatus.WAITING);
    }
}

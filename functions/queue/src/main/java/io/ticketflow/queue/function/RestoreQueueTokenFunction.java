package io.ticketflow.queue.function;

import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.TokenStatus;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts an ACTIVE token back to WAITING at its old seq and frees its active place, with a QUEUE_WAITING event
 * marked {@code restored} (the admission views stop admitting it). The token is recorded in the counter's
 * restored set, so the next activation ticks re-admit it before newer tokens (its position is 1 meanwhile). Idempotent: a token that is not ACTIVE (restored already,
 * or expired meanwhile) or unknown is left as it is — there is nothing to undo.
 */
public final class RestoreQueueTokenFunction implements Function<RestoreQueueToken, QueueTokenChange> {

    private static final int ATTEMPTS = 3;

    private final QueueRepository queues;

    public RestoreQueueTokenFunction(QueueRepository queues) {
        this.queues = queues;
    }

    @Override
    public QueueTokenChange apply(RestoreQueueToken command) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<QueueToken> found = queues.findToken(command.queueToken());
            if (found.isEmpty()) {
                return new QueueTokenChange(command.queueToken(), null, false);
            }
            QueueToken token = found.get();
            if (token.status() != TokenStatus.ACTIVE) {
                return new QueueTokenChange(token.token(), token.status(), false);
            }
            if (queues.restore(token.restore())) {
                return new QueueTokenChange(token.token(), TokenStatus.WAITING, true);
            }
        }
        throw new TransientStepError("token " + command.queueToken() + " kept changing; try again");
    }
}

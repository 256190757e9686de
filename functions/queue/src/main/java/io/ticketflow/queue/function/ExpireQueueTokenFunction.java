package io.ticketflow.queue.function;

import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.TokenStatus;
import java.util.Optional;
import java.util.function.Function;

/**
 * Expires an ACTIVE token now with the given reason (QUEUE_EXPIRED carries it), freeing its active place for
 * the next in line. Idempotent: a token that is no longer ACTIVE (expired already, by this step's earlier
 * attempt or by the idle timeout) or unknown is left as it is.
 */
public final class ExpireQueueTokenFunction implements Function<ExpireQueueToken, QueueTokenChange> {

    private static final int ATTEMPTS = 3;

    private final QueueRepository queues;

    public ExpireQueueTokenFunction(QueueRepository queues) {
        this.queues = queues;
    }

    @Override
    public QueueTokenChange apply(ExpireQueueToken command) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<QueueToken> found = queues.findToken(command.queueToken());
            if (found.isEmpty()) {
                return new QueueTokenChange(command.queueToken(), null, false);
            }
            QueueToken token = found.get();
            if (token.status() != TokenStatus.ACTIVE) {
                return new QueueTokenChange(token.token(), token.status(), false);
            }
            if (queues.expireNow(token.expire(), command.reason())) {
                return new QueueTokenChange(token.token(), TokenStatus.EXPIRED, true);
            }
        }
        throw new TransientStepError("token " + command.queueToken() + " kept changing; try again");
    }
}

package io.ticketflow.queue.function;

import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.TokenStatus;
import java.util.function.Function;

/**
 * Expires an ACTIVE token now with the given reason (QUEUE_EXPIRED carries it), freeing its active place for
 * the next in line. Idempotent: a token that is no longer ACTIVE (expired already, by this step's earlier
 * attempt or by the idle timeout) or unknown is left as it is.
 */
public final class ExpireQueueTokenFunction implements Function<ExpireQueueToken, QueueTokenChange> {

    private final QueueRepository queues;

    public ExpireQueueTokenFunction(QueueRepository queues) {
        this.queues = queues;
    }

    @Override
    public QueueTokenChange apply(ExpireQueueToken command) {
        return ActiveTokenChange.apply(queues, command.queueToken(),
                token -> queues.expireNow(token.expire(), command.reason()), TokenStatus.EXPIRED);
    }
}

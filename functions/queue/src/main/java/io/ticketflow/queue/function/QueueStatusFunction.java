package io.ticketflow.queue.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueProblems;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import java.util.function.Function;

/**
 * Where a token stands. Once ACTIVE, the answer carries the signed admission pass. Two reads whatever the queue's length: the token, then its concert's counter
 * (position = seq − watermark).
 */
public final class QueueStatusFunction implements Function<QueueStatusQuery, QueueTicket> {

    private final QueueRepository queues;
    private final QueuePolicy policy;
    private final QueueTicket.Passes passes;

    public QueueStatusFunction(QueueRepository queues, QueuePolicy policy, QueueTicket.Passes passes) {
        this.queues = queues;
        this.policy = policy;
        this.passes = passes;
    }

    @Override
    public QueueTicket apply(QueueStatusQuery query) {
        QueueToken token = queues.findToken(query.token()).orElseThrow(() -> new ProblemException(
                QueueProblems.QUEUE_TOKEN_NOT_FOUND, "no queue token '" + query.token() + "'"));
        if (!token.ownedBy(query.userId())) {
            // same answer for every stranger: it confirms the token exists, never whose it is
            throw new ProblemException(QueueProblems.QUEUE_TOKEN_OF_ANOTHER_USER, "this queue token belongs to another user");
        }
        QueueCounter counter = queues.findCounter(token.concertId())
                .orElseThrow(() -> new IllegalStateException("token of concert " + token.concertId() + " without a counter"));
        return QueueTicket.of(token, counter, policy, passes, false);
    }
}

package io.ticketflow.queue.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueProblems;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.TokenStatus;
import java.time.Instant;
import java.util.function.Function;

/**
 * Where a token stands. Once ACTIVE, the answer carries the signed admission pass. Two reads whatever the queue's
 * length: the token, then its concert's counter (position = place − watermark).
 *
 * <p>A waiting user's poll is also how the queue knows they are still there: it records the time when the last
 * record is a poll period old (one conditional write per few polls). A user whose token the activation passed over
 * because they had stopped polling gets it back in line, first, if they return within the grace period; later, it
 * has expired.
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
        token = noticeVisit(token, passes.clock().instant());
        String concertId = token.concertId();
        QueueCounter counter = queues.findCounter(concertId)
                .orElseThrow(() -> new IllegalStateException("token of concert " + concertId + " without a counter"));
        return QueueTicket.of(token, counter, policy, passes, false);
    }

    /** The token as this poll leaves it: seen, back in line, or expired after its grace period. */
    private QueueToken noticeVisit(QueueToken token, Instant now) {
        if (token.status() != TokenStatus.WAITING) {
            return token;
        }
        if (token.abandonedAt() != null) {
            if (token.withinGrace(now, policy.abandonGrace())) {
                QueueToken back = token.comeBack(now);
                return queues.comeBack(back) ? back : reread(token);
            }
            QueueToken expired = token.expireAbandoned();
            return queues.expireAbandoned(expired) ? expired : reread(token);
        }
        if (policy.seenLongAgo(token, now)) {
            queues.seen(token, now);
            return token.seen(now);
        }
        return token;
    }

    /** A concurrent poll or tick changed the token first: its outcome is the answer. */
    private QueueToken reread(QueueToken token) {
        return queues.findToken(token.token()).orElse(token);
    }
}

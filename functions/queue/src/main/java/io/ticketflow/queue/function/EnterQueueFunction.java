package io.ticketflow.queue.function;

import io.ticketflow.kernel.Ids;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueProblems;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gives the user a place in the concert's queue, or the place they already have: a user holds at most one
 * token per concert, however often (or however concurrently) they enter.
 */
public final class EnterQueueFunction implements Function<EnterQueue, QueueTicket> {

    /** Each failed attempt means another writer got ahead; a handful is plenty before giving up with 409. */
    static final int MAX_ATTEMPTS = 5;

    private final QueueRepository queues;
    private final QueuePolicy policy;
    private final QueueTicket.Passes passes;

    public EnterQueueFunction(QueueRepository queues, QueuePolicy policy, QueueTicket.Passes passes) {
        this.queues = queues;
        this.policy = policy;
        this.passes = passes;
    }

    @Override
    public QueueTicket apply(EnterQueue command) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<QueueToken> existing = queues.findTokenOfUser(command.concertId(), command.userId());
            if (existing.isPresent()) {
                return QueueTicket.of(existing.get(), counterOf(command.concertId()), policy, passes, false);
            }
            QueueCounter counter = queues.reservePlace(command.concertId()).orElseThrow(() -> notOpen(command));
            QueueToken token = QueueToken.waiting(Ids.newId(), command.userId(), command.concertId(), counter.issued(),
                    passes.clock().instant());
            if (queues.insertWaiting(token) == QueueRepository.InsertOutcome.INSERTED) {
                return QueueTicket.of(token, counter, policy, passes, true);
            }
            // the user entered concurrently (found at the next look-up), or the seq was burned: go again
        }
        throw new ProblemException(ProblemTypes.CONFLICT, "the queue is busy; please retry");
    }

    private QueueCounter counterOf(String concertId) {
        return queues.findCounter(concertId)
                .orElseThrow(() -> new IllegalStateException("token of concert " + concertId + " without a counter"));
    }

    private ProblemException notOpen(EnterQueue command) {
        // only a refused enter pays for this read: the open path stays one write
        if (queues.findCounter(command.concertId()).filter(QueueCounter::closed).isPresent()) {
            return new ProblemException(QueueProblems.QUEUE_CLOSED,
                    "the waiting queue of concert '" + command.concertId() + "' is closed; try again when it reopens");
        }
        return new ProblemException(QueueProblems.UNKNOWN_CONCERT,
                "no waiting queue is open for concert '" + command.concertId() + "'");
    }
}

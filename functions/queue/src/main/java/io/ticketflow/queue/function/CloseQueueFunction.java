package io.ticketflow.queue.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.queue.domain.QueueProblems;
import io.ticketflow.queue.domain.QueueRepository;
import java.util.function.Function;

/** Closes a concert's waiting queue; closing it again changes nothing. */
public final class CloseQueueFunction implements Function<CloseQueue, QueueClosed> {

    private final QueueRepository queues;

    public CloseQueueFunction(QueueRepository queues) {
        this.queues = queues;
    }

    @Override
    public QueueClosed apply(CloseQueue command) {
        return switch (queues.closeQueue(command.concertId())) {
            case CLOSED -> new QueueClosed(command.concertId(), true);
            case ALREADY_CLOSED -> new QueueClosed(command.concertId(), false);
            case UNKNOWN_CONCERT -> throw new ProblemException(QueueProblems.UNKNOWN_CONCERT,
                    "no waiting queue was ever opened for concert '" + command.concertId() + "'");
        };
    }
}

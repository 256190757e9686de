package io.ticketflow.queue.function;

import io.ticketflow.kernel.Ids;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.queue.domain.QueueRepository;
import java.util.function.Function;

/** Opens a concert's waiting queue; opening it again changes nothing. */
public final class OpenQueueFunction implements Function<OpenQueue, QueueOpened> {

    private final QueueRepository queues;

    public OpenQueueFunction(QueueRepository queues) {
        this.queues = queues;
    }

    @Override
    public QueueOpened apply(OpenQueue command) {
        String concertId = command == null ? null : command.concertId();
        // '#' separates the parts of the store's composite keys
        if (!Ids.isChosenId(concertId)) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, Ids.chosenIdRule("concertId"));
        }
        return new QueueOpened(concertId, queues.openQueue(concertId, command.opensAt()));
    }
}

package io.ticketflow.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where messages end that nothing will process again: each queue's dead-letter queue, each stream's failure
 * destination, and the saga's compensation failures (a booking neither finished nor undone). A message in one
 * of them needs a person; the dashboard and {@code run-local --metrics} show how many wait there.
 */
public final class DeadLetterQueues {

    private DeadLetterQueues() {
    }

    /** Their logical names. */
    public static List<String> names() {
        Set<String> lastStops = new LinkedHashSet<>();
        Catalogue.queues().forEach(queue -> lastStops.add(queue.deadLetterQueueName()));
        Catalogue.streamSubscriptions().stream().map(StreamSubscription::failureQueue).forEach(lastStops::add);
        lastStops.add(ReservationResources.COMPENSATION_FAILURES_QUEUE);
        return List.copyOf(lastStops);
    }
}

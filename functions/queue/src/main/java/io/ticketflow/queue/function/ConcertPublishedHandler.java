package io.ticketflow.queue.function;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.messaging.EventHandler;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Opens a concert's waiting queue when the Concert service publishes it, through the same operation as
 * {@code openQueue}. Opening is idempotent on its own, so it runs before the consumer records the event in the
 * inbox: a crash between the two only makes the redelivery open an open queue again.
 */
public final class ConcertPublishedHandler implements EventHandler {

    private final OpenQueueFunction openQueue;

    public ConcertPublishedHandler(OpenQueueFunction openQueue) {
        this.openQueue = openQueue;
    }

    @Override
    public List<TransactWriteItem> effects(EventEnvelope event) {
        if (EventTypes.CONCERT_PUBLISHED.equals(event.type())) {
            openQueue.apply(new OpenQueue(event.aggregateId()));
        }
        return List.of();
    }
}

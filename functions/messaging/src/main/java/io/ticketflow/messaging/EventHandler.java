package io.ticketflow.messaging;

import io.ticketflow.events.EventEnvelope;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a consumer does with one event, as writes; the {@link EventConsumer} stores them together with the inbox
 * record of the event in one transaction, so an event is applied exactly once.
 *
 * <p>A condition on an effect is how a handler says "only if this event still applies" (e.g. not older than
 * what the view holds): when it fails, the event is acknowledged as a no-op, not retried.
 */
public interface EventHandler {

    /** @return the writes; empty for events this handler ignores. An exception makes the message fail (and retry). */
    List<TransactWriteItem> effects(EventEnvelope event);

    /**
     * True for a handler that reads state and writes it back under a version condition (optimistic concurrency):
     * a failed effect condition then means "changed concurrently", so the consumer asks for the effects again
     * instead of acknowledging the event as a no-op. Such a handler decides staleness itself (returns no effects).
     */
    default boolean retriesOnConflict() {
        return false;
    }
}

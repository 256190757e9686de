package io.ticketflow.catalog;

import java.util.Objects;

/**
 * Fan-out rule for the stream relay: events of {@code eventType} written to the outbox table
 * {@code sourceTable} are sent to {@code queue}. One event type may go to several queues; that is how
 * Reservation and Payment each get their own copy of {@code QUEUE_EXPIRED}.
 */
public record EventRoute(String sourceTable, String eventType, String queue) {

    public EventRoute {
        Objects.requireNonNull(sourceTable, "sourceTable");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(queue, "queue");
    }
}

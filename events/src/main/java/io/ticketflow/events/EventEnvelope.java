package io.ticketflow.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Every event the services exchange, whatever its type (schema: {@code events/schemas/envelope.schema.json}).
 *
 * @param eventId       unique per event; consumers de-duplicate on it
 * @param type          one of {@link EventTypes}
 * @param source        the producing service, e.g. {@code queue}
 * @param aggregateId   the aggregate the event belongs to; with {@code sequence} its key in the producer's outbox
 * @param sequence      position in the aggregate's history, from 1: consumers order on it, because SQS reorders
 * @param correlationId the booking / saga execution id, or the request id when there is no booking yet
 * @param payload       type-specific, see {@code events/schemas/<type>.schema.json}
 */
public record EventEnvelope(String eventId, String type, String source, String aggregateId, long sequence,
                            Instant occurredAt, String correlationId, JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }

    /** A new event with a random UUID as its id, stamped with the clock's current instant. */
    public static EventEnvelope create(String type, String source, String aggregateId, long sequence,
                                       String correlationId, JsonNode payload, Clock clock) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, source, aggregateId, sequence,
                clock.instant(), correlationId, payload);
    }
}

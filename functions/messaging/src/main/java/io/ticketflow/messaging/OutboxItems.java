package io.ticketflow.messaging;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an event is laid out as an outbox item: keyed by aggregate and sequence, the payload kept as a JSON
 * string so that the item — and its stream record — carries the event exactly as produced.
 */
final class OutboxItems {

    static final String EVENT_ID = "eventId";
    static final String TYPE = "type";
    static final String SOURCE = "source";
    static final String OCCURRED_AT = "occurredAt";
    static final String CORRELATION_ID = "correlationId";
    static final String PAYLOAD = "payload";

    private OutboxItems() {
    }

    static Map<String, AttributeValue> toItem(EventEnvelope event, JsonMapper json) {
        return Map.of(
                Catalogue.OUTBOX_PARTITION_KEY, AttributeValue.fromS(event.aggregateId()),
                Catalogue.OUTBOX_SORT_KEY, AttributeValue.fromN(Long.toString(event.sequence())),
                EVENT_ID, AttributeValue.fromS(event.eventId()),
                TYPE, AttributeValue.fromS(event.type()),
                SOURCE, AttributeValue.fromS(event.source()),
                OCCURRED_AT, AttributeValue.fromS(event.occurredAt().toString()),
                CORRELATION_ID, AttributeValue.fromS(event.correlationId()),
                PAYLOAD, AttributeValue.fromS(json.writeValueAsString(event.payload())));
    }

    /** @throws IllegalArgumentException when the item is not an outbox event */
    static EventEnvelope fromItem(Map<String, AttributeValue> item, JsonMapper json) {
        try {
            return new EventEnvelope(
                    item.get(EVENT_ID).s(),
                    item.get(TYPE).s(),
                    item.get(SOURCE).s(),
                    item.get(Catalogue.OUTBOX_PARTITION_KEY).s(),
                    Long.parseLong(item.get(Catalogue.OUTBOX_SORT_KEY).n()),
                    Instant.parse(item.get(OCCURRED_AT).s()),
                    item.get(CORRELATION_ID).s(),
                    json.readTree(item.get(PAYLOAD).s()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an outbox event item (keys " + item.keySet() + "): " + e.getMessage(), e);
        }
    }
}

package io.ticketflow.messaging;

import io.ticketflow.events.EventEnvelope;
import java.time.Clock;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one service's outbox events: the envelope (a fresh event id, the service as source, the clock's
 * instant) around a payload the service shapes itself. Each service's {@code *Events} class keeps its own
 * payload fields and its choice of aggregate, sequence and correlation id.
 */
public final class EventFactory {

    private final String source;
    private final JsonMapper json;
    private final Clock clock;

    public EventFactory(String source, JsonMapper json, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An event of this service, occurring now. */
    public EventEnvelope envelope(String type, String aggregateId, long sequence, String correlationId, JsonNode payload) {
        return EventEnvelope.create(type, source, aggregateId, sequence, correlationId, payload, clock);
    }

    /** An empty payload to fill in. */
    public ObjectNode payload() {
        return json.createObjectNode();
    }

    /** A value (a record) as a payload, field for field. */
    public JsonNode payloadOf(Object value) {
        return json.valueToTree(value);
    }
}

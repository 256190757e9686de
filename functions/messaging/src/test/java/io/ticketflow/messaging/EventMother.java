package io.ticketflow.messaging;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Queue events as the Queue service produces them (aggregate = token, sequence per token). */
public final class EventMother {

    public static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    public static final String USER = "user-42";
    public static final String CONCERT = "concert-1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventMother() {
    }

    public static EventEnvelope waiting(String token) {
        return event(EventTypes.QUEUE_WAITING, token, 1, payload(token));
    }

    /** The token put back in line after a failed payment (the booking saga's compensation). */
    public static EventEnvelope restored(String token, long sequence) {
        return event(EventTypes.QUEUE_RESTORED, token, sequence, payload(token));
    }

    public static EventEnvelope activated(String token, long sequence, Instant activeUntil) {
        return event(EventTypes.QUEUE_ACTIVATED, token, sequence, payload(token).put("activeUntil", activeUntil.toString()));
    }

    public static EventEnvelope expired(String token, long sequence) {
        return event(EventTypes.QUEUE_EXPIRED, token, sequence, payload(token).put("reason", "IDLE_TIMEOUT"));
    }

    private static EventEnvelope event(String type, String token, long sequence, ObjectNode payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, "queue", token, sequence,
                NOW.plusSeconds(sequence), "req-" + token, payload);
    }

    private static ObjectNode payload(String token) {
        return JSON.createObjectNode().put("token", token).put("userId", USER).put("concertId", CONCERT).put("seq", 17);
    }
}

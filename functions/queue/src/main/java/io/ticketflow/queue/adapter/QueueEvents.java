package io.ticketflow.queue.adapter;

import io.ticketflow.catalog.Service;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.messaging.EventFactory;
import io.ticketflow.queue.domain.ExpiryReason;
import io.ticketflow.queue.domain.LotteryDraw;
import io.ticketflow.queue.domain.QueueToken;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events of a token's life (schemas {@code events/schemas/QUEUE_*.schema.json}). The token is the
 * aggregate and its version the sequence, so the outbox refuses a second event for the same change. The
 * token also serves as correlation id: it is the one id that follows a user from the queue into a booking.
 */
final class QueueEvents {

    private final EventFactory events;

    QueueEvents(JsonMapper json, Clock clock) {
        this.events = new EventFactory(Service.QUEUE.id(), json, clock);
    }

    EventEnvelope waiting(QueueToken token) {
        return envelope(EventTypes.QUEUE_WAITING, token, payload(token));
    }

    /** A token put back in line after a failed payment: the admission views must stop admitting it. */
    EventEnvelope restored(QueueToken token) {
        return envelope(EventTypes.QUEUE_RESTORED, token, payload(token));
    }

    EventEnvelope activated(QueueToken token) {
        return envelope(EventTypes.QUEUE_ACTIVATED, token,
                payload(token).put("activeUntil", token.activeUntil().toString()));
    }

    EventEnvelope expired(QueueToken token, ExpiryReason reason) {
        ObjectNode payload = payload(token).put("reason", reason.name());
        if (token.activeUntil() != null) {
            payload.put("activeUntil", token.activeUntil().toString());
        }
        return envelope(EventTypes.QUEUE_EXPIRED, token, payload);
    }

    /** The user stopped polling and the activation passed the token over. */
    EventEnvelope abandoned(QueueToken token) {
        return envelope(EventTypes.QUEUE_ABANDONED, token,
                payload(token).put("lastSeenAt", token.lastSeenAt().toString()));
    }

    /** Once per queue (sequence 1 of the concert's lottery): what anyone needs to replay the order. */
    EventEnvelope lotteryDrawn(String concertId, LotteryDraw draw) {
        ObjectNode payload = events.payload()
                .put("concertId", concertId)
                .put("seed", Long.toString(draw.seed()))
                .put("size", draw.size())
                .put("opensAt", draw.opensAt().toString())
                .put("algorithm", LotteryDraw.ALGORITHM);
        return events.envelope(EventTypes.QUEUE_LOTTERY_DRAWN, concertId, 1, concertId, payload);
    }

    private EventEnvelope envelope(String type, QueueToken token, ObjectNode payload) {
        return events.envelope(type, token.token(), token.version(), token.token(), payload);
    }

    private ObjectNode payload(QueueToken token) {
        return events.payload()
                .put("token", token.token())
                .put("userId", token.userId())
                .put("concertId", token.concertId())
                .put("seq", token.seq());
    }
}

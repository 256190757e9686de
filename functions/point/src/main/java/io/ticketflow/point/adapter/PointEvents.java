package io.ticketflow.point.adapter;

import io.ticketflow.catalog.Service;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.messaging.EventFactory;
import io.ticketflow.point.domain.LedgerEntry;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event of a ledger line (schemas {@code events/schemas/POINT_*.schema.json}). The user's account is the
 * aggregate and its version the sequence, so the outbox refuses a second event for the same version. The
 * correlation id is the reservation (the booking) where there is one, else the charge's request id.
 */
final class PointEvents {

    private final EventFactory events;

    PointEvents(JsonMapper json, Clock clock) {
        this.events = new EventFactory(Service.POINT.id(), json, clock);
    }

    EventEnvelope of(LedgerEntry entry) {
        ObjectNode payload = events.payload()
                .put("userId", entry.userId())
                .put("operationId", entry.operationId())
                .put("amount", entry.amount())
                .put("balance", entry.balanceAfter());
        if (entry.reservationId() != null) {
            payload.put("reservationId", entry.reservationId());
        }
        if (entry.cardAmount() != null) {
            payload.put("cardAmount", entry.cardAmount().longValue());
        }
        String correlationId = entry.reservationId() != null ? entry.reservationId() : entry.operationId();
        return events.envelope(type(entry), entry.userId(), entry.version(), correlationId, payload);
    }

    private static String type(LedgerEntry entry) {
        return switch (entry.kind()) {
            case CHARGED -> EventTypes.POINT_CHARGED;
            case DEDUCTED -> EventTypes.POINT_DEDUCTED;
            case REFUNDED -> EventTypes.POINT_REFUNDED;
            case EARNED -> EventTypes.POINT_EARNED;
            case EARNING_REVERSED -> EventTypes.POINT_EARNING_REVERSED;
        };
    }
}

package io.ticketflow.concert.adapter;

import io.ticketflow.concert.domain.ReservationChange;
import io.ticketflow.concert.domain.ReservationChange.Kind;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the Reservation service's events (shapes in {@code events/schemas/RESERVATION_*.schema.json}) as seat-map
 * changes. Shared by the live projector and the replay, so both apply exactly the same projection.
 */
public final class ReservationEvents {

    /** The types that change a seat map; routed to the Concert service's queue in the catalogue. */
    public static final List<String> PROJECTED = List.of(EventTypes.RESERVATION_CREATED, EventTypes.RESERVATION_CANCELLED,
            EventTypes.RESERVATION_EXPIRED, EventTypes.RESERVATION_CONFIRMED);

    private ReservationEvents() {
    }

    /**
     * @return empty for event types that do not change seats
     * @throws IllegalArgumentException when a projected event lacks a field it must carry
     */
    public static Optional<ReservationChange> change(EventEnvelope event) {
        JsonNode payload = event.payload();
        return switch (event.type()) {
            case EventTypes.RESERVATION_CREATED -> Optional.of(new ReservationChange(Kind.HELD, event.aggregateId(),
                    event.sequence(), event.occurredAt(), text(payload, "scheduleId"), createdSeatNos(payload),
                    Instant.parse(text(payload, "expiresAt"))));
            case EventTypes.RESERVATION_CANCELLED, EventTypes.RESERVATION_EXPIRED -> Optional.of(change(Kind.RELEASED, event));
            case EventTypes.RESERVATION_CONFIRMED -> Optional.of(change(Kind.SOLD, event));
            default -> Optional.empty();
        };
    }

    private static ReservationChange change(Kind kind, EventEnvelope event) {
        JsonNode seatNos = event.payload().path("seatNos");
        if (!seatNos.isArray() || seatNos.isEmpty()) {
            throw new IllegalArgumentException(event.type() + " " + event.eventId() + " has no seatNos");
        }
        List<Integer> numbers = new ArrayList<>();
        seatNos.forEach(seatNo -> numbers.add(seatNo.asInt()));
        return new ReservationChange(kind, event.aggregateId(), event.sequence(), event.occurredAt(),
                text(event.payload(), "scheduleId"), numbers, null);
    }

    private static List<Integer> createdSeatNos(JsonNode payload) {
        JsonNode seats = payload.path("seats");
        if (!seats.isArray() || seats.isEmpty()) {
            throw new IllegalArgumentException("RESERVATION_CREATED has no seats");
        }
        List<Integer> numbers = new ArrayList<>();
        seats.forEach(seat -> numbers.add(seat.path("seatNo").asInt()));
        return numbers;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException("payload field " + field + " is missing or not a string");
        }
        return value.asString();
    }
}

package io.ticketflow.reservation.adapter;

import io.ticketflow.catalog.Service;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.messaging.EventFactory;
import io.ticketflow.reservation.domain.CancelReason;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.Seat;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events of a reservation's life (schemas {@code events/schemas/RESERVATION_*.schema.json}). The reservation
 * is the aggregate and its version the sequence; the reservation id is also the correlation id, because the
 * booking saga runs under it.
 */
final class ReservationEvents {

    private final EventFactory events;

    ReservationEvents(JsonMapper json, Clock clock) {
        this.events = new EventFactory(Service.RESERVATION.id(), json, clock);
    }

    EventEnvelope created(Reservation reservation) {
        ObjectNode payload = base(reservation).put("queueToken", reservation.queueToken());
        ArrayNode seats = payload.putArray("seats");
        for (Seat seat : reservation.seats()) {
            seats.addObject().put("seatNo", seat.seatNo()).put("grade", seat.grade()).put("price", seat.price());
        }
        payload.put("totalPrice", reservation.totalPrice()).put("expiresAt", reservation.expiresAt().toString());
        return envelope(EventTypes.RESERVATION_CREATED, reservation, payload);
    }

    EventEnvelope cancelled(Reservation reservation, CancelReason reason) {
        return envelope(EventTypes.RESERVATION_CANCELLED, reservation,
                withSeatNos(base(reservation), reservation).put("reason", reason.name()));
    }

    EventEnvelope expired(Reservation reservation) {
        return envelope(EventTypes.RESERVATION_EXPIRED, reservation, withSeatNos(base(reservation), reservation));
    }

    EventEnvelope confirmed(Reservation reservation, String paymentId) {
        return envelope(EventTypes.RESERVATION_CONFIRMED, reservation,
                withSeatNos(base(reservation), reservation).put("paymentId", paymentId));
    }

    private EventEnvelope envelope(String type, Reservation reservation, ObjectNode payload) {
        return events.envelope(type, reservation.reservationId(), reservation.version(), reservation.reservationId(),
                payload);
    }

    private ObjectNode base(Reservation reservation) {
        return events.payload()
                .put("reservationId", reservation.reservationId())
                .put("userId", reservation.userId())
                .put("concertId", reservation.concertId())
                .put("scheduleId", reservation.scheduleId());
    }

    private static ObjectNode withSeatNos(ObjectNode payload, Reservation reservation) {
        ArrayNode seatNos = payload.putArray("seatNos");
        reservation.seatNos().forEach(seatNos::add);
        return payload;
    }
}

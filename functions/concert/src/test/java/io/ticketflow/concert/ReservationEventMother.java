package io.ticketflow.concert;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reservation events in the shapes the Reservation service produces ({@code events/schemas/RESERVATION_*}):
 * aggregate = reservationId, sequence per reservation from 1.
 */
public final class ReservationEventMother {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReservationEventMother() {
    }

    public static EventEnvelope created(String reservationId, String concertId, String scheduleId, List<Integer> seatNos,
                                        Instant at, Instant expiresAt) {
        ObjectNode payload = base(reservationId, concertId, scheduleId).put("queueToken", "qt-" + reservationId.substring(0, 8));
        ArrayNode seats = payload.putArray("seats");
        seatNos.forEach(seatNo -> seats.addObject().put("seatNo", seatNo).put("grade", seatNo <= DemoCatalogue.VIP_SEATS ? "VIP" : "R")
                .put("price", price(seatNo)));
        payload.put("totalPrice", seatNos.stream().mapToInt(ReservationEventMother::price).sum());
        payload.put("expiresAt", expiresAt.toString());
        return event(EventTypes.RESERVATION_CREATED, reservationId, 1, at, payload);
    }

    public static EventEnvelope cancelled(String reservationId, String concertId, String scheduleId, List<Integer> seatNos,
                                          Instant at) {
        ObjectNode payload = withSeatNos(base(reservationId, concertId, scheduleId), seatNos).put("reason", "USER_CANCELLED");
        return event(EventTypes.RESERVATION_CANCELLED, reservationId, 2, at, payload);
    }

    public static EventEnvelope expired(String reservationId, String concertId, String scheduleId, List<Integer> seatNos,
                                        Instant at) {
        return event(EventTypes.RESERVATION_EXPIRED, reservationId, 2, at, withSeatNos(base(reservationId, concertId, scheduleId), seatNos));
    }

    public static EventEnvelope confirmed(String reservationId, String concertId, String scheduleId, List<Integer> seatNos,
                                          Instant at) {
        ObjectNode payload = withSeatNos(base(reservationId, concertId, scheduleId), seatNos).put("paymentId", "pay-" + reservationId.substring(0, 8));
        return event(EventTypes.RESERVATION_CONFIRMED, reservationId, 2, at, payload);
    }

    private static int price(int seatNo) {
        return seatNo <= DemoCatalogue.VIP_SEATS ? DemoCatalogue.VIP_PRICE : DemoCatalogue.R_PRICE;
    }

    private static ObjectNode base(String reservationId, String concertId, String scheduleId) {
        return JSON.createObjectNode().put("reservationId", reservationId).put("userId", "user-" + reservationId.substring(0, 4))
                .put("concertId", concertId).put("scheduleId", scheduleId);
    }

    private static ObjectNode withSeatNos(ObjectNode payload, List<Integer> seatNos) {
        ArrayNode numbers = payload.putArray("seatNos");
        seatNos.forEach(numbers::add);
        return payload;
    }

    private static EventEnvelope event(String type, String reservationId, long sequence, Instant at, ObjectNode payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, "reservation", reservationId, sequence, at, reservationId, payload);
    }
}

package io.ticketflow.reservation.function;

import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.http.JsonBodies;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** A user asks to hold seats of a schedule, with their queue token. */
public record HoldSeats(String userId, String queueToken, String scheduleId, List<Integer> seatNos) {

    /** The body of {@code POST /reservations}. */
    public record Body(String scheduleId, List<Integer> seatNos) {
    }

    /** {@code POST /reservations}, authenticated, header {@code X-Queue-Token}. */
    public static HoldSeats from(HttpRequest request, JsonMapper json) {
        String userId = request.requireCaller().userId();
        String queueToken = QueueTokenHeader.require(request);
        Body body = JsonBodies.read(request, Body.class, json);
        return new HoldSeats(userId, queueToken, body.scheduleId(), body.seatNos());
    }
}

package io.ticketflow.point.function;

import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.http.JsonBodies;
import tools.jackson.databind.json.JsonMapper;

/** A user starts buying {@code amount} points. Boxed so a missing amount is told apart from zero. */
public record StartTopUp(String userId, Long amount) {

    /** The body of {@code POST /points/top-ups}. */
    record Body(Long amount) {
    }

    /** {@code POST /points/top-ups}, authenticated: the points go to the caller. */
    public static StartTopUp from(HttpRequest request, JsonMapper json) {
        String userId = request.requireCaller().userId();
        return new StartTopUp(userId, JsonBodies.read(request, Body.class, json).amount());
    }
}

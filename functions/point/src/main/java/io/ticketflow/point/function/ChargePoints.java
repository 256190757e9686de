package io.ticketflow.point.function;

import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.http.JsonBodies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user adds points. {@code amount} is boxed so a missing one is told apart from zero.
 *
 * @param requestId the client's idempotency key: the same id again charges nothing and answers the same
 */
public record ChargePoints(String userId, String requestId, Long amount) {

    /** The body of {@code POST /points/charges}. */
    record Body(String requestId, Long amount) {
    }

    /** {@code POST /points/charges}, authenticated. */
    public static ChargePoints from(HttpRequest request, JsonMapper json) {
        String userId = request.requireCaller().userId();
        Body body = JsonBodies.read(request, Body.class, json);
        return new ChargePoints(userId, body.requestId(), body.amount());
    }
}

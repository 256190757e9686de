package io.ticketflow.queue.function;

import io.ticketflow.kernel.http.HttpRequest;

/** A user asks where their token stands. */
public record QueueStatusQuery(String token, String userId) {

    /** {@code GET /queue-tokens/{token}}, authenticated. */
    public static QueueStatusQuery from(HttpRequest request) {
        return new QueueStatusQuery(request.pathParameter("token"), request.requireCaller().userId());
    }
}

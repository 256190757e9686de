package io.ticketflow.queue.function;

import io.ticketflow.kernel.http.HttpRequest;

/** A user asks for a place in a concert's waiting queue. */
public record EnterQueue(String concertId, String userId) {

    /** {@code POST /concerts/{concertId}/queue-tokens}, authenticated. */
    public static EnterQueue from(HttpRequest request) {
        return new EnterQueue(request.pathParameter("concertId"), request.requireCaller().userId());
    }
}

package io.ticketflow.queue.function;

import io.ticketflow.catalog.Route;
import io.ticketflow.kernel.http.HttpRequest;

/** Opens (or reopens) a concert's waiting queue: an operator, CONCERT_PUBLISHED, the local seed and the tests do. */
public record OpenQueue(String concertId) {

    /** {@code POST /admin/concerts/{concertId}/queue/open}, admin scope only. */
    public static OpenQueue from(HttpRequest request) {
        request.requireScope(Route.ADMIN_SCOPE);
        return new OpenQueue(request.pathParameter("concertId"));
    }
}

package io.ticketflow.queue.function;

import io.ticketflow.catalog.Route;
import io.ticketflow.kernel.http.HttpRequest;

/** An operator stops a concert's waiting queue: no new entries, no admissions, until it is opened again. */
public record CloseQueue(String concertId) {

    /** {@code POST /admin/concerts/{concertId}/queue/close}, admin scope only. */
    public static CloseQueue from(HttpRequest request) {
        request.requireScope(Route.ADMIN_SCOPE);
        return new CloseQueue(request.pathParameter("concertId"));
    }
}

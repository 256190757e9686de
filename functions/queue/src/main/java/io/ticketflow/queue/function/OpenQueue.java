package io.ticketflow.queue.function;

import io.ticketflow.catalog.Route;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.http.JsonBodies;
import io.ticketflow.kernel.http.Rfc3339Instants;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens (or reopens) a concert's waiting queue: an operator, CONCERT_PUBLISHED, the local seed and the tests do.
 *
 * @param opensAt when the sale opens: arrivals before it wait in a pre-queue whose order is drawn at that time;
 *                null to admit first come, first served at once
 */
public record OpenQueue(String concertId, Instant opensAt) {

    private static final JsonMapper JSON = KernelBeans.newJsonMapper();

    public OpenQueue(String concertId) {
        this(concertId, null);
    }

    /** The optional body of the operator route. */
    public record Body(@JsonDeserialize(using = Rfc3339Instants.class) Instant opensAt) {
    }

    /**
     * {@code POST /admin/concerts/{concertId}/queue/open}, admin scope only; the body {@code {"opensAt": "<RFC 3339>"}}
     * is optional: without it the queue opens first come, first served.
     */
    public static OpenQueue from(HttpRequest request) {
        request.requireScope(Route.ADMIN_SCOPE);
        String concertId = request.pathParameter("concertId");
        if (request.body() == null || request.body().isBlank()) {
            return new OpenQueue(concertId, null);
        }
        return new OpenQueue(concertId, JsonBodies.read(request, Body.class, JSON).opensAt());
    }
}

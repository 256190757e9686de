package io.ticketflow.concert.function;

import io.ticketflow.catalog.Route;
import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.http.JsonBodies;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /admin/concerts}: an operator's concert document, the same JSON {@code publishConcert} takes. */
public final class PublishConcertRequest {

    private PublishConcertRequest() {
    }

    /** The scope is checked before the body is read: a user learns nothing about the document's rules. */
    public static ConcertToPublish from(HttpRequest request, JsonMapper json) {
        request.requireScope(Route.ADMIN_SCOPE);
        return JsonBodies.read(request, ConcertToPublish.class, json);
    }
}

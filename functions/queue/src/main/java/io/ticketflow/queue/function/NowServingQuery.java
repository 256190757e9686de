package io.ticketflow.queue.function;

import io.ticketflow.kernel.http.HttpRequest;

/**
 * Anyone asks how far a concert's queue has come: the same answer for every caller, so a CDN can serve it.
 *
 * @param ifNoneMatch the ETag the caller holds, null when none
 */
public record NowServingQuery(String concertId, String ifNoneMatch) {

    /** {@code GET /concerts/{concertId}/queue}, public. */
    public static NowServingQuery from(HttpRequest request) {
        return new NowServingQuery(request.pathParameter("concertId"), request.header("if-none-match").orElse(null));
    }
}

package io.ticketflow.reservation.function;

import io.ticketflow.kernel.http.HttpRequest;

/** A user names one of their reservations, with their queue token ({@code GET} and {@code DELETE}). */
public record ReservationQuery(String userId, String queueToken, String reservationId) {

    /** {@code GET|DELETE /reservations/{reservationId}}, authenticated, header {@code X-Queue-Token}. */
    public static ReservationQuery from(HttpRequest request) {
        return new ReservationQuery(request.requireCaller().userId(), QueueTokenHeader.require(request),
                request.pathParameter("reservationId"));
    }
}

package io.ticketflow.reservation.function;

import io.ticketflow.kernel.http.HttpRequest;

/** A user asks to cancel one of their confirmed bookings. */
public record CancelBooking(String userId, String reservationId) {

    /** {@code POST /reservations/{reservationId}/cancellation}, authenticated; no queue token. */
    public static CancelBooking from(HttpRequest request) {
        return new CancelBooking(request.requireCaller().userId(), request.pathParameter("reservationId"));
    }
}

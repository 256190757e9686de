package io.ticketflow.payment.function;

import io.ticketflow.kernel.http.HttpRequest;

/** {@code GET /bookings/{reservationId}}, authenticated: a user follows only their own bookings. */
public record BookingQuery(String reservationId, String userId) {

    public static BookingQuery from(HttpRequest request) {
        return new BookingQuery(request.pathParameter("reservationId"), request.requireCaller().userId());
    }
}

package io.ticketflow.reservation.function;

import io.ticketflow.reservation.domain.Reservation;
import java.time.Instant;
import java.util.List;

/** The PENDING reservations with what their booking saga is started with (the local runtime restarts lost ones). */
public record PendingBookings(List<Booking> bookings) {

    public record Booking(String reservationId, String userId, String concertId, String scheduleId, List<Integer> seatNos,
                          int totalPrice, String queueToken, Instant expiresAt) {

        static Booking of(Reservation reservation) {
            return new Booking(reservation.reservationId(), reservation.userId(), reservation.concertId(),
                    reservation.scheduleId(), reservation.seatNos(), reservation.totalPrice(), reservation.queueToken(),
                    reservation.expiresAt());
        }
    }
}

package io.ticketflow.reservation.function;

import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationStatus;
import io.ticketflow.reservation.domain.Seat;
import java.time.Instant;
import java.util.List;

/** A reservation as its owner sees it; {@code status} is as of the request (an ended hold reads EXPIRED). */
public record ReservationView(String reservationId, ReservationStatus status, String concertId, String scheduleId,
                              List<Seat> seats, int totalPrice, Instant expiresAt) {

    public static ReservationView of(Reservation reservation, Instant now) {
        return new ReservationView(reservation.reservationId(), reservation.statusAt(now), reservation.concertId(),
                reservation.scheduleId(), reservation.seats(), reservation.totalPrice(), reservation.expiresAt());
    }

    public String location() {
        return "/reservations/" + reservationId;
    }
}

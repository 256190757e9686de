package io.ticketflow.reservation.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.messaging.AdmissionGate;
import io.ticketflow.reservation.domain.CancelReason;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationProblems;
import io.ticketflow.reservation.domain.ReservationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/** The owner gives a PENDING hold back: CANCELLED, its seats free at once, RESERVATION_CANCELLED emitted. */
public final class CancelReservationFunction implements Function<ReservationQuery, ReservationView> {

    private final ReservationRepository reservations;
    private final AdmissionGate admissions;
    private final Clock clock;

    public CancelReservationFunction(ReservationRepository reservations, AdmissionGate admissions, Clock clock) {
        this.reservations = reservations;
        this.admissions = admissions;
        this.clock = clock;
    }

    @Override
    public ReservationView apply(ReservationQuery query) {
        Instant now = clock.instant();
        Reservation cancelled = OwnReservation.require(query, reservations, admissions, now).cancel(now);
        if (!reservations.release(cancelled, CancelReason.USER_CANCELLED, now)) {
            // expired, cancelled or confirmed between our read and our write
            throw new ProblemException(ReservationProblems.RESERVATION_NOT_PENDING,
                    "reservation " + query.reservationId() + " changed meanwhile and is no longer pending");
        }
        return ReservationView.of(cancelled, now);
    }
}

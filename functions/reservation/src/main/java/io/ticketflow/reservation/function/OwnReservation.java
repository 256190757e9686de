package io.ticketflow.reservation.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.messaging.AdmissionGate;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationProblems;
import io.ticketflow.reservation.domain.ReservationRepository;
import java.time.Instant;

/** Finds the caller's own reservation and checks their admission for its concert: what get and cancel share. */
final class OwnReservation {

    private OwnReservation() {
    }

    /**
     * @throws ProblemException {@code reservation-not-found} for an unknown id or another user's reservation (its
     *                          existence is not revealed), a 403 admission problem without a valid pass for its concert
     */
    static Reservation require(ReservationQuery query, ReservationRepository reservations, AdmissionGate admissions,
                               Instant now) {
        Reservation reservation = reservations.find(query.reservationId())
                .filter(found -> found.ownedBy(query.userId()))
                .orElseThrow(() -> new ProblemException(ReservationProblems.RESERVATION_NOT_FOUND,
                        "no reservation '" + query.reservationId() + "'"));
        admissions.admit(query.admissionPass(), query.userId(), reservation.concertId(), now);
        return reservation;
    }
}

package io.ticketflow.reservation.function;

import io.ticketflow.messaging.AdmissionGate;
import io.ticketflow.reservation.domain.ReservationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/** The caller's own reservation; a PENDING one whose hold ended reads EXPIRED even before the sweeper ran. */
public final class GetReservationFunction implements Function<ReservationQuery, ReservationView> {

    private final ReservationRepository reservations;
    private final AdmissionGate admissions;
    private final Clock clock;

    public GetReservationFunction(ReservationRepository reservations, AdmissionGate admissions, Clock clock) {
        this.reservations = reservations;
        this.admissions = admissions;
        this.clock = clock;
    }

    @Override
    public ReservationView apply(ReservationQuery query) {
        Instant now = clock.instant();
        return ReservationView.of(OwnReservation.require(query, reservations, admissions, now), now);
    }
}

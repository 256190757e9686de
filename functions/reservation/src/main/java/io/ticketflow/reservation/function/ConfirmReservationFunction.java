package io.ticketflow.reservation.function;

import io.ticketflow.kernel.saga.ReservationNotPending;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationRepository;
import io.ticketflow.reservation.domain.ReservationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * Saga step: a paid hold becomes CONFIRMED and its seats SOLD. Idempotent — a retried call finds it CONFIRMED and
 * succeeds; a reservation that expired or was cancelled first fails with {@link ReservationNotPending}, the name the
 * state machine catches to compensate.
 */
public final class ConfirmReservationFunction implements Function<ConfirmReservation, SagaReservation> {

    private final ReservationRepository reservations;
    private final Clock clock;

    public ConfirmReservationFunction(ReservationRepository reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    @Override
    public SagaReservation apply(ConfirmReservation step) {
        Instant now = clock.instant();
        Reservation reservation = current(step.reservationId());
        if (reservation.status() == ReservationStatus.CONFIRMED) {
            return new SagaReservation(reservation.reservationId(), ReservationStatus.CONFIRMED.name(), false);
        }
        ReservationStatus status = reservation.statusAt(now);
        if (status != ReservationStatus.PENDING) {
            throw new ReservationNotPending("reservation " + step.reservationId() + " is " + status);
        }
        if (reservations.confirm(reservation.confirm(now), step.paymentId(), now)) {
            return new SagaReservation(reservation.reservationId(), ReservationStatus.CONFIRMED.name(), true);
        }
        // lost a race: to our own retry (then it is confirmed) or to expiry / cancellation
        Reservation after = current(step.reservationId());
        if (after.status() == ReservationStatus.CONFIRMED) {
            return new SagaReservation(after.reservationId(), ReservationStatus.CONFIRMED.name(), false);
        }
        throw new ReservationNotPending("reservation " + step.reservationId() + " is " + after.statusAt(clock.instant()));
    }

    private Reservation current(String reservationId) {
        return reservations.find(reservationId)
                .orElseThrow(() -> new ReservationNotPending("no reservation " + reservationId));
    }
}

package io.ticketflow.reservation.function;

import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.reservation.domain.CancelReason;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationRepository;
import io.ticketflow.reservation.domain.ReservationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Saga compensation: the reservation's seats go back (EXPIRED or CANCELLED with the saga's reason, with its event).
 * It succeeds when there is nothing to undo — no such reservation, or already expired or cancelled — because a
 * timed-out forward call may or may not have happened, and the state machine retries compensations. The
 * cancellation saga of a booking (reason BOOKING_CANCELLED) and a failed capture (CAPTURE_FAILED) release a
 * CONFIRMED reservation's sold seats too.
 */
public final class ReleaseSeatsFunction implements Function<ReleaseSeats, SagaReservation> {

    private final ReservationRepository reservations;
    private final Clock clock;

    public ReleaseSeatsFunction(ReservationRepository reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    @Override
    public SagaReservation apply(ReleaseSeats step) {
        Optional<Reservation> found = reservations.find(step.reservationId());
        if (found.isEmpty()) {
            return new SagaReservation(step.reservationId(), null, false);
        }
        Instant now = clock.instant();
        // the reason names a cancellation only (an EXPIRED outcome comes with HOLD_EXPIRED)
        CancelReason asked = step.outcome() == ReservationStatus.CANCELLED && step.reason() != null
                ? CancelReason.valueOf(step.reason()) : null;
        Optional<Reservation> released;
        try {
            released = found.get().releaseFor(step.outcome(), asked, now);
        } catch (IllegalStateException holdStillRunning) {
            throw new TransientStepError(holdStillRunning.getMessage(), holdStillRunning);
        }
        if (released.isEmpty()) {
            return new SagaReservation(step.reservationId(), found.get().status().name(), false);
        }
        CancelReason reason = released.get().status() == ReservationStatus.CANCELLED ? asked : null;
        if (!reservations.release(released.get(), reason, now)) {
            // another writer (the sweeper, a retry) changed it first: the state machine retries and finds it done
            throw new TransientStepError("reservation " + step.reservationId() + " changed while its seats were released");
        }
        return new SagaReservation(step.reservationId(), released.get().status().name(), true);
    }
}

package io.ticketflow.reservation.function;

import io.ticketflow.kernel.Ids;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.kernel.admission.AdmissionPass;
import io.ticketflow.messaging.AdmissionGate;
import io.ticketflow.reservation.domain.BookingSagas;
import io.ticketflow.reservation.domain.CancelReason;
import io.ticketflow.reservation.domain.HoldPolicy;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationProblems;
import io.ticketflow.reservation.domain.ReservationRepository;
import io.ticketflow.reservation.domain.ReservationStatus;
import io.ticketflow.reservation.domain.ScheduleInventory;
import io.ticketflow.reservation.domain.Seat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Holds seats for an admitted user: all of them or none, never a seat someone else holds. The schedule is read
 * first because the admission is per concert; nothing is written unless the admission pass holds and every seat is valid.
 * A new hold starts its booking saga, which waits for the payment until the hold ends. A hold either starts its saga
 * or does not exist: without a saga nobody could pay for it, so when the start fails the hold is undone and the
 * caller is told to try again ({@code booking-not-started}, 503 with {@code Retry-After}).
 */
public final class HoldSeatsFunction implements Function<HoldSeats, ReservationView> {

    private static final System.Logger LOG = System.getLogger(HoldSeatsFunction.class.getName());
    /** Step Functions refusing a start is mostly a throttle or a brief outage: worth a retry a few seconds later. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ReservationRepository reservations;
    private final AdmissionGate admissions;
    private final HoldPolicy policy;
    private final BookingSagas sagas;
    private final Clock clock;

    public HoldSeatsFunction(ReservationRepository reservations, AdmissionGate admissions, HoldPolicy policy,
                             BookingSagas sagas, Clock clock) {
        this.reservations = reservations;
        this.admissions = admissions;
        this.policy = policy;
        this.sagas = sagas;
        this.clock = clock;
    }

    @Override
    public ReservationView apply(HoldSeats command) {
        if (command.scheduleId() == null || command.scheduleId().isBlank()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "scheduleId is required");
        }
        ScheduleInventory schedule = reservations.inventory(command.scheduleId(),
                        ScheduleInventory.seatsToRead(command.seatNos(), policy))
                .orElseThrow(() -> new ProblemException(ReservationProblems.UNKNOWN_SCHEDULE,
                        "no schedule '" + command.scheduleId() + "'"));
        Instant now = clock.instant();
        AdmissionPass admitted = admissions.admit(command.admissionPass(), command.userId(), schedule.concertId(), now);
        List<Seat> seats = schedule.select(command.seatNos(), policy);
        Reservation pending = Reservation.hold(Ids.newId(), command.userId(), schedule, seats, admitted.queueToken(), now, policy);
        try {
            reservations.hold(pending, now);
        } catch (ReservationRepository.SeatsUnavailable taken) {
            throw new ProblemException(ReservationProblems.SEAT_UNAVAILABLE,
                    "seat(s) " + taken.seatNos() + " of schedule '" + schedule.scheduleId() + "' are held by someone else");
        }
        try {
            sagas.start(pending);
        } catch (RuntimeException notStarted) {
            throw undo(pending, notStarted);
        }
        return ReservationView.of(pending, now);
    }

    /**
     * Releases the seats and ends the reservation (RESERVATION_CANCELLED, {@code BOOKING_NOT_STARTED}) in one
     * transaction, as every release does. When that fails too, its error is rethrown (a 500): the hold then stays
     * until it lapses, and the expiry sweeper ({@link ExpireHoldsFunction}) frees the seats, as for any unpaid hold.
     */
    private ProblemException undo(Reservation pending, RuntimeException notStarted) {
        Instant undoneAt = clock.instant();
        Reservation released = pending.releaseFor(ReservationStatus.CANCELLED, CancelReason.BOOKING_NOT_STARTED, undoneAt)
                .orElseThrow(() -> new IllegalStateException("new hold " + pending.reservationId() + " is not PENDING"));
        boolean undone;
        try {
            undone = reservations.release(released, CancelReason.BOOKING_NOT_STARTED, undoneAt);
        } catch (RuntimeException undoFailed) {
            undoFailed.addSuppressed(notStarted);
            throw undoFailed;
        }
        if (!undone) {
            throw new IllegalStateException("hold " + pending.reservationId() + " changed before it could be undone",
                    notStarted);
        }
        LOG.log(System.Logger.Level.WARNING, "booking saga of " + pending.reservationId() + " not started, hold undone: "
                + notStarted);
        return new ProblemException(ReservationProblems.BOOKING_NOT_STARTED,
                "the booking of seat(s) " + pending.seatNos() + " could not be started; nothing is held, please try again",
                RETRY_AFTER);
    }
}

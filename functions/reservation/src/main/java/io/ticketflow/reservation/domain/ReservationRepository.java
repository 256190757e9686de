package io.ticketflow.reservation.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where reservations, their seat locks and the seat inventory live. Every change of a reservation is stored
 * with its locks and its event in one transaction.
 */
public interface ReservationRepository {

    /**
     * The schedule with its concert and those of {@code seatNos} it has (and possibly their neighbours): a hold
     * needs no more. Empty for an unknown schedule.
     */
    Optional<ScheduleInventory> inventory(String scheduleId, Collection<Integer> seatNos);

    Optional<Reservation> find(String reservationId);

    /**
     * Locks the reservation's seats (each free, or held by a hold that ended before {@code now}), takes its queue
     * token's one running hold, counts its seats against the user's cap for the concert, stores the reservation
     * and its RESERVATION_CREATED event — all or nothing.
     *
     * @throws io.ticketflow.kernel.problem.ProblemException {@code hold-already-pending} when the token has a
     *         hold still running, {@code seat-limit-reached} when the user's seats of the concert would exceed the
     *         cap ({@link FairShare}); nothing was written then
     * @throws SeatsUnavailable naming the seats someone else holds; nothing was written then
     */
    void hold(Reservation pending, Instant now);

    /**
     * Stores the reservation's move out of PENDING (from the version before {@code changed.version()}), releases
     * the seat locks still its own, frees its queue token's hold (if still its own), gives its seats back to the
     * user's cap and stores the event of the change ({@code reason} for a cancellation). With
     * a reason that {@link CancelReason#undoesConfirmation() undoes a confirmation} the move is CONFIRMED → CANCELLED instead and the SOLD locks go.
     *
     * @return false when the reservation changed meanwhile (another writer won); nothing was written then
     */
    boolean release(Reservation changed, CancelReason reason, Instant now);

    /**
     * Stores the move PENDING → CONFIRMED (from the version before, while the hold lasts), turns its HELD locks
     * into SOLD ones that never expire, and stores RESERVATION_CONFIRMED with the payment.
     *
     * @return false when the reservation changed or its hold ended meanwhile; nothing was written then
     */
    boolean confirm(Reservation confirmed, String paymentId, Instant now);

    /** Up to {@code limit} PENDING reservations whose hold ended before {@code now}, oldest first per bucket. */
    List<Reservation> pendingEndedBefore(Instant now, int limit);

    /** Up to {@code limit} PENDING reservations, whether or not their hold ended, soonest end first. */
    List<Reservation> pending(int limit);

    /** The id of the report this saga execution's stuck booking went out as, if it went out. */
    Optional<String> stuckReport(String reservationId, String executionArn);

    /**
     * Remembers on the reservation that this execution's stuck booking went out as {@code messageId}, so a repeated
     * report finds it; nothing is written for an unknown reservation.
     */
    void rememberStuckReport(String reservationId, String executionArn, String messageId);

    /** The schedule's seat locks, by seat number: what the read model must converge to. */
    List<SeatLock> seatLocks(String scheduleId);

    /** Some seats are held by someone else. */
    final class SeatsUnavailable extends RuntimeException {

        private final List<Integer> seatNos;

        public SeatsUnavailable(List<Integer> seatNos) {
            super("seat(s) " + seatNos + " are not available");
            this.seatNos = List.copyOf(seatNos);
        }

        public List<Integer> seatNos() {
            return seatNos;
        }
    }
}

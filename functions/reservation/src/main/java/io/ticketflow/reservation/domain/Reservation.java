package io.ticketflow.reservation.domain;

import io.ticketflow.kernel.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Seats held for one user on one schedule, and what became of them.
 *
 * <p>{@code version} counts the reservation's changes from 1 (the hold); it is also the sequence of the event
 * each change emits, so the outbox refuses a second event for the same change.
 *
 * @param startsAt   when the show starts, from the schedule: cancelling the booking closes a cut-off before it
 * @param queueToken the ACTIVE token the hold was made with (the booking saga expires it)
 * @param expiresAt  end of the hold; a PENDING reservation past it counts as EXPIRED even before the sweeper ran
 */
public record Reservation(String reservationId, String userId, String concertId, String scheduleId,
                          Instant startsAt, String queueToken, List<Seat> seats, int totalPrice, ReservationStatus status,
                          Instant createdAt, Instant expiresAt, long version) {

    public Reservation {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(queueToken, "queueToken");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        seats = List.copyOf(seats);
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("a reservation holds at least one seat");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
    }

    /** A new PENDING hold of the seats, already checked by {@link ScheduleInventory#select}. */
    public static Reservation hold(String reservationId, String userId, ScheduleInventory schedule, List<Seat> seats,
                                   String queueToken, Instant now, HoldPolicy policy) {
        int total = seats.stream().mapToInt(Seat::price).sum();
        return new Reservation(reservationId, userId, schedule.concertId(), schedule.scheduleId(), schedule.startsAt(),
                queueToken, seats,
                total, ReservationStatus.PENDING, now, now.plus(policy.holdTime()), 1);
    }

    public List<Integer> seatNos() {
        return seats.stream().map(Seat::seatNo).toList();
    }

    public boolean ownedBy(String callerId) {
        return userId.equals(callerId);
    }

    /** The status as of {@code now}: a PENDING hold whose time ran out is EXPIRED, whether or not it was swept. */
    public ReservationStatus statusAt(Instant now) {
        return status == ReservationStatus.PENDING && holdEnded(now) ? ReservationStatus.EXPIRED : status;
    }

    /** True from {@code expiresAt} on, the same instant from which a seat lock counts as free. */
    public boolean holdEnded(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * @throws ProblemException {@code reservation-not-pending} when it is not PENDING as of {@code now}
     */
    public Reservation cancel(Instant now) {
        requirePendingAt(now);
        return next(ReservationStatus.CANCELLED);
    }

    /** @throws IllegalStateException unless PENDING with its hold ended: the sweeper only picks those */
    public Reservation expire(Instant now) {
        if (status != ReservationStatus.PENDING || !holdEnded(now)) {
            throw new IllegalStateException("reservation " + reservationId + " is " + status + " until " + expiresAt
                    + "; it cannot expire at " + now);
        }
        return next(ReservationStatus.EXPIRED);
    }

    /**
     * The payment went through: the seats are sold. Issue #4's saga confirms only while the hold lasts.
     *
     * @throws ProblemException {@code reservation-not-pending} when it is not PENDING as of {@code now}
     */
    public Reservation confirm(Instant now) {
        requirePendingAt(now);
        return next(ReservationStatus.CONFIRMED);
    }

    /**
     * What a saga compensation makes of this reservation: a PENDING one whose hold ended expires, one still held is
     * cancelled (unless the saga asks for expiry, which must wait for the end); anything else has nothing left to
     * undo, so compensations can be retried safely.
     *
     * @return the released reservation, or empty when there is nothing to undo
     * @throws IllegalStateException when expiry is asked for before the hold ended (worth retrying later)
     */
    public Optional<Reservation> releaseFor(ReservationStatus outcome, Instant now) {
        return releaseFor(outcome, null, now);
    }

    /**
     * As {@link #releaseFor(ReservationStatus, Instant)}; in addition, a reason that undoes a confirmation ({@link
     * CancelReason#undoesConfirmation()}: a booking's cancellation saga, a failed capture) with outcome CANCELLED
     * cancels a CONFIRMED reservation: its sold seats go back. Once CANCELLED there is nothing left to undo, so the
     * step can be retried; a reservation that was never confirmed has nothing for those to undo either.
     */
    public Optional<Reservation> releaseFor(ReservationStatus outcome, CancelReason reason, Instant now) {
        if (reason != null && reason.undoesConfirmation()) {
            // only a confirmed booking is cancelled or left uncaptured; anything else has nothing for it to undo
            return status == ReservationStatus.CONFIRMED && outcome == ReservationStatus.CANCELLED
                    ? Optional.of(next(ReservationStatus.CANCELLED))
                    : Optional.empty();
        }
        if (status != ReservationStatus.PENDING) {
            return Optional.empty();
        }
        if (holdEnded(now)) {
            return Optional.of(expire(now));
        }
        if (outcome == ReservationStatus.EXPIRED) {
            throw new IllegalStateException("the hold of " + reservationId + " lasts until " + expiresAt);
        }
        if (outcome != ReservationStatus.CANCELLED) {
            throw new IllegalArgumentException("a release ends in EXPIRED or CANCELLED, not " + outcome);
        }
        return Optional.of(next(ReservationStatus.CANCELLED));
    }

    /**
     * Whether the owner may cancel this booking (refund, payment cancelled, seats back): only once it is CONFIRMED.
     *
     * @throws ProblemException {@code reservation-not-confirmed} otherwise
     */
    public void requireCancellableBooking(Instant now) {
        ReservationStatus current = statusAt(now);
        if (current != ReservationStatus.CONFIRMED) {
            throw new ProblemException(ReservationProblems.RESERVATION_NOT_CONFIRMED,
                    "reservation " + reservationId + " is " + current + "; only a confirmed booking can be cancelled");
        }
    }

    private void requirePendingAt(Instant now) {
        ReservationStatus current = statusAt(now);
        if (current != ReservationStatus.PENDING) {
            throw new ProblemException(ReservationProblems.RESERVATION_NOT_PENDING,
                    "reservation " + reservationId + " is " + current);
        }
    }

    private Reservation next(ReservationStatus to) {
        return new Reservation(reservationId, userId, concertId, scheduleId, startsAt, queueToken, seats, totalPrice, to,
                createdAt, expiresAt, version + 1);
    }
}

package io.ticketflow.concert.domain;

import java.time.Instant;

/**
 * A seat in the read model.
 *
 * @param reservationId the holder or buyer; null when FREE
 * @param holdExpiresAt when a HELD seat's hold lapses; null otherwise
 * @param changedAt     occurredAt of the hold or sale that took this seat; null while FREE, so a seat's state
 *                      depends only on which events arrived, not on their order
 */
public record SeatState(int seatNo, String grade, int price, SeatStatus status, String reservationId,
                        Instant holdExpiresAt, Instant changedAt) {

    public static SeatState free(Seat seat) {
        return new SeatState(seat.seatNo(), seat.grade(), seat.price(), SeatStatus.FREE, null, null, null);
    }

    /** The status a reader sees now: a hold past its expiry is free even before the sweeper catches up. */
    public SeatStatus statusAt(Instant now) {
        if (status == SeatStatus.HELD && holdExpiresAt != null && !holdExpiresAt.isAfter(now)) {
            return SeatStatus.FREE;
        }
        return status;
    }

    /**
     * The seat after the change, or this seat when the change does not apply to it. A hold or sale applies when it is
     * newer than the seat's current take; a release frees only a seat its own reservation still holds — a hold that
     * ran out can be taken by someone else before the sweeper emits its RESERVATION_EXPIRED, which still lists every
     * seat it once held. Callers pass only changes of this seat, already past the per-reservation sequence check.
     */
    SeatState after(ReservationChange change) {
        boolean applies = change.kind() == ReservationChange.Kind.RELEASED
                ? change.reservationId().equals(reservationId)
                : isOlderThan(change.occurredAt());
        if (!applies) {
            return this;
        }
        return switch (change.kind()) {
            case HELD -> held(change.reservationId(), change.holdExpiresAt(), change.occurredAt());
            case RELEASED -> released();
            case SOLD -> sold(change.reservationId(), change.occurredAt());
        };
    }

    /** Latest take wins per seat: only a hold or sale that happened after the current one applies. */
    boolean isOlderThan(Instant occurredAt) {
        return changedAt == null || changedAt.isBefore(occurredAt);
    }

    SeatState held(String reservation, Instant expiresAt, Instant at) {
        return new SeatState(seatNo, grade, price, SeatStatus.HELD, reservation, expiresAt, at);
    }

    SeatState released() {
        return new SeatState(seatNo, grade, price, SeatStatus.FREE, null, null, null);
    }

    SeatState sold(String reservation, Instant at) {
        return new SeatState(seatNo, grade, price, SeatStatus.SOLD, reservation, null, at);
    }
}

package io.ticketflow.reservation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The lock item of one seat: who holds it and until when. A seat without a lock is free.
 *
 * @param holdExpiresAt end of a HELD lock; null for a SOLD one, which never expires
 */
public record SeatLock(String scheduleId, int seatNo, String reservationId, Status status, Instant holdExpiresAt) {

    public enum Status { HELD, SOLD }

    public SeatLock {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(status, "status");
    }

    /** The lock's key: one lock per seat of a schedule. */
    public static String lockId(String scheduleId, int seatNo) {
        return scheduleId + "#" + seatNo;
    }

    /** Whether the seat is taken at {@code now}: a HELD lock stops counting at its expiry, as the hold condition does. */
    public boolean takenAt(Instant now) {
        return status == Status.SOLD || now.isBefore(holdExpiresAt);
    }
}

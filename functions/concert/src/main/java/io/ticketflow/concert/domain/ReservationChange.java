package io.ticketflow.concert.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one reservation event means for a seat map.
 *
 * @param sequence      the event's position in the reservation's history (orders a reservation's own events)
 * @param occurredAt    when the reservation service changed its seat locks (orders changes across reservations)
 * @param holdExpiresAt when an unpaid hold lapses; only for {@link Kind#HELD}
 */
public record ReservationChange(Kind kind, String reservationId, long sequence, Instant occurredAt, String scheduleId,
                                List<Integer> seatNos, Instant holdExpiresAt) {

    public enum Kind {
        /** RESERVATION_CREATED */
        HELD,
        /** RESERVATION_CANCELLED, RESERVATION_EXPIRED */
        RELEASED,
        /** RESERVATION_CONFIRMED */
        SOLD
    }

    public ReservationChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(scheduleId, "scheduleId");
        seatNos = List.copyOf(seatNos);
        if (kind == Kind.HELD) {
            Objects.requireNonNull(holdExpiresAt, "holdExpiresAt of a hold");
        }
    }

    /**
     * Per reservation, only an event newer than the last one applied changes anything: a duplicate or an older event
     * arriving late (a RESERVATION_CONFIRMED after its cancellation's release) must not resurrect a state.
     *
     * @param lastApplied the sequence last applied for this reservation; null when none was
     */
    public boolean isNewerThan(Long lastApplied) {
        return lastApplied == null || lastApplied < sequence;
    }
}

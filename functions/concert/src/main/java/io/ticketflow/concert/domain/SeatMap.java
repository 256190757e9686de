package io.ticketflow.concert.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The availability of one schedule's seats, projected from reservation events: the read model behind the seat
 * map (one item per schedule, so a seat map is one read).
 *
 * <p><b>Order-safe projection.</b> SQS reorders and redelivers, so {@link #apply} is written to give the same
 * result whatever order the events arrive in:
 * <ul>
 *   <li>per reservation, an event applies only if its sequence is newer than the last one applied for that
 *       reservation ({@link #appliedSequences}); a duplicate or older event changes nothing;</li>
 *   <li>per seat, the change with the latest {@code occurredAt} wins: a late RESERVATION_CANCELLED of an earlier
 *       hold cannot take a seat from a later one, and a release frees only the seats its own reservation
 *       still holds (a free seat carries no time, so arrival order cannot matter). The lock table orders
 *       holds on a seat, so their occurredAt values are ordered too (up to clock skew between its instances).</li>
 * </ul>
 *
 * <p><b>Size.</b> {@link #appliedSequences} grows by one entry (≈50 bytes) per reservation of the schedule, so an
 * item reaches DynamoDB's 400 KB after roughly 7 000 reservations of one schedule. Entries of finished reservations
 * could be dropped once no redelivery can arrive (SQS keeps a message at most 14 days); the per-seat rule alone
 * keeps a late duplicate from changing a seat.
 *
 * @param appliedSequences reservationId → last sequence applied
 * @param version          optimistic-concurrency version of the stored item; a projection is not a version bump
 *                         in itself, the store sets it
 */
public record SeatMap(String scheduleId, String concertId, List<SeatState> seats, Map<String, Long> appliedSequences,
                      long version) {

    public SeatMap {
        seats = List.copyOf(seats);
        appliedSequences = Map.copyOf(appliedSequences);
    }

    /** A just-published schedule: every seat free, nothing applied yet. */
    public static SeatMap published(String concertId, Schedule schedule) {
        return new SeatMap(schedule.scheduleId(), concertId, schedule.seats().stream().map(SeatState::free).toList(),
                Map.of(), 0);
    }

    /** @return this map when the change is a duplicate or older than what the map holds for its reservation */
    public SeatMap apply(ReservationChange change) {
        if (!change.scheduleId().equals(scheduleId)) {
            throw new IllegalArgumentException("change for " + change.scheduleId() + " applied to seat map " + scheduleId);
        }
        Long applied = appliedSequences.get(change.reservationId());
        if (applied != null && applied >= change.sequence()) {
            return this;
        }
        Set<Integer> touched = new HashSet<>(change.seatNos());
        List<SeatState> next = new ArrayList<>(seats.size());
        for (SeatState seat : seats) {
            next.add(touched.contains(seat.seatNo()) && mayChange(seat, change) ? changed(seat, change) : seat);
        }
        Map<String, Long> sequences = new TreeMap<>(appliedSequences);
        sequences.put(change.reservationId(), change.sequence());
        return new SeatMap(scheduleId, concertId, next, sequences, version);
    }

    public SeatMap withVersion(long newVersion) {
        return new SeatMap(scheduleId, concertId, seats, appliedSequences, newVersion);
    }

    public int freeSeats(Instant now) {
        return (int) seats.stream().filter(seat -> seat.statusAt(now) == SeatStatus.FREE).count();
    }

    /** The same seats and applied history, whatever the stored version: how a replay is compared with the live map. */
    public boolean sameProjectionAs(SeatMap other) {
        return scheduleId.equals(other.scheduleId) && concertId.equals(other.concertId) && seats.equals(other.seats)
                && appliedSequences.equals(other.appliedSequences);
    }

    /**
     * A hold or sale applies when it is newer than the seat's current take; a release frees only a seat its own
     * reservation still holds — a hold that ran out can be taken by someone else before the sweeper emits its
     * RESERVATION_EXPIRED, which still lists every seat it once held.
     */
    private static boolean mayChange(SeatState seat, ReservationChange change) {
        return change.kind() == ReservationChange.Kind.RELEASED
                ? change.reservationId().equals(seat.reservationId())
                : seat.isOlderThan(change.occurredAt());
    }

    private static SeatState changed(SeatState seat, ReservationChange change) {
        return switch (change.kind()) {
            case HELD -> seat.held(change.reservationId(), change.holdExpiresAt(), change.occurredAt());
            case RELEASED -> seat.released();
            case SOLD -> seat.sold(change.reservationId(), change.occurredAt());
        };
    }
}

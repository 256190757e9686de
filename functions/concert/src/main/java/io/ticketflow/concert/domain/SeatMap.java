package io.ticketflow.concert.domain;

import io.ticketflow.kernel.SeatBlocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The availability of one schedule's seats, projected from reservation events: what the seat map shows, assembled
 * from its stored {@link SeatBlock}s, and — for the replay, which rebuilds it in memory — the whole projection.
 *
 * <p><b>Order-safe projection.</b> SQS reorders and redelivers, so {@link #apply} gives the same result whatever
 * order the events arrive in:
 * <ul>
 *   <li>per reservation, an event applies only if its sequence is newer than the last one applied for that
 *       reservation ({@link ReservationChange#isNewerThan}); a duplicate or older event changes nothing;</li>
 *   <li>per seat, the change with the latest {@code occurredAt} wins: a late RESERVATION_CANCELLED of an earlier
 *       hold cannot take a seat from a later one, and a release frees only the seats its own reservation
 *       still holds (a free seat carries no time, so arrival order cannot matter). The lock table orders
 *       holds on a seat, so their occurredAt values are ordered too (up to clock skew between its instances).</li>
 * </ul>
 * The live projector applies the same two rules block by block ({@link BlockChange}); it keeps each reservation's
 * last sequence in a small item of its own, so no stored item grows with the schedule's history.
 *
 * @param seats            in seat order
 * @param appliedSequences reservationId → last sequence applied; empty when read for display, which needs no history
 */
public record SeatMap(String scheduleId, String concertId, List<SeatState> seats, Map<String, Long> appliedSequences) {

    public SeatMap {
        seats = List.copyOf(seats);
        appliedSequences = Map.copyOf(appliedSequences);
    }

    /** A just-published schedule: every seat free, nothing applied yet. */
    public static SeatMap published(String concertId, Schedule schedule) {
        return new SeatMap(schedule.scheduleId(), concertId, schedule.seats().stream()
                .sorted(Comparator.comparingInt(Seat::seatNo)).map(SeatState::free).toList(), Map.of());
    }

    /** The map made of its blocks (in any order), with the history read alongside (or none). */
    public static SeatMap of(String scheduleId, String concertId, Collection<SeatBlock> blocks, Map<String, Long> appliedSequences) {
        List<SeatState> seats = blocks.stream()
                .sorted(Comparator.comparingInt(SeatBlock::blockNo))
                .flatMap(block -> block.seats().stream())
                .toList();
        return new SeatMap(scheduleId, concertId, seats, appliedSequences);
    }

    /** The seats cut into blocks as stored (see the kernel's {@code SeatBlocks}), each at {@code version}. */
    public List<SeatBlock> blocks(long version) {
        Map<Integer, List<SeatState>> byBlock = new TreeMap<>();
        seats.forEach(seat -> byBlock.computeIfAbsent(SeatBlocks.blockOf(seat.seatNo()), block -> new ArrayList<>()).add(seat));
        List<SeatBlock> blocks = new ArrayList<>();
        byBlock.forEach((blockNo, blockSeats) -> blocks.add(new SeatBlock(scheduleId, concertId, blockNo, blockSeats, version)));
        return blocks;
    }

    /** @return this map when the change is a duplicate or older than what the map holds for its reservation */
    public SeatMap apply(ReservationChange change) {
        if (!change.scheduleId().equals(scheduleId)) {
            throw new IllegalArgumentException("change for " + change.scheduleId() + " applied to seat map " + scheduleId);
        }
        if (!change.isNewerThan(appliedSequences.get(change.reservationId()))) {
            return this;
        }
        Set<Integer> touched = new HashSet<>(change.seatNos());
        List<SeatState> next = new ArrayList<>(seats.size());
        for (SeatState seat : seats) {
            next.add(touched.contains(seat.seatNo()) ? seat.after(change) : seat);
        }
        Map<String, Long> sequences = new TreeMap<>(appliedSequences);
        sequences.put(change.reservationId(), change.sequence());
        return new SeatMap(scheduleId, concertId, next, sequences);
    }

    public int freeSeats(Instant now) {
        return (int) seats.stream().filter(seat -> seat.statusAt(now) == SeatStatus.FREE).count();
    }

    /** The same seats and applied history: how a replay is compared with the live map. */
    public boolean sameProjectionAs(SeatMap other) {
        return equals(other);
    }
}

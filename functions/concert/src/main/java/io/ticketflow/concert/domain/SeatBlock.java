package io.ticketflow.concert.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Up to {@code SeatBlocks.SIZE} consecutive seats of a schedule's seat map (the kernel's block rule), stored as one
 * item: its size is bounded whatever the hall, and a change rewrites only the blocks of its seats.
 *
 * @param version optimistic-concurrency version of the stored item; the store bumps it on each write
 */
public record SeatBlock(String scheduleId, String concertId, int blockNo, List<SeatState> seats, long version) {

    public SeatBlock {
        seats = List.copyOf(seats);
    }

    /**
     * The per-seat rule of {@link SeatState#after} on this block's seats among the change's; the per-reservation
     * sequence check is the caller's ({@link BlockChange#project}).
     *
     * @return this block when no seat of it changes
     */
    SeatBlock apply(ReservationChange change) {
        Set<Integer> touched = new HashSet<>(change.seatNos());
        List<SeatState> next = new ArrayList<>(seats.size());
        boolean changed = false;
        for (SeatState seat : seats) {
            SeatState after = touched.contains(seat.seatNo()) ? seat.after(change) : seat;
            changed |= after != seat;
            next.add(after);
        }
        return changed ? new SeatBlock(scheduleId, concertId, blockNo, next, version) : this;
    }
}

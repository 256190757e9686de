package io.ticketflow.concert.domain;

import io.ticketflow.kernel.SeatBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one reservation event writes in the live seat map: the blocks it changes (at the versions read, for the
 * store's condition) and the reservation's new last applied sequence. The same two rules as {@link SeatMap#apply},
 * touching only the one or two blocks of the event's seats, so a write costs the same in a hall of 500 or 60,000.
 *
 * @param changedBlocks    possibly none (e.g. a release of seats someone else took since); the sequence is still
 *                         recorded, so an older event of the reservation arriving later stays stale
 * @param appliedSequence  to store for the reservation, conditional on nothing newer being stored meanwhile
 */
public record BlockChange(String reservationId, List<SeatBlock> changedBlocks, long appliedSequence) {

    public BlockChange {
        changedBlocks = List.copyOf(changedBlocks);
    }

    /**
     * @return empty when the event is a duplicate or older than the last one applied for its reservation
     * @throws IllegalStateException when a block of its seats does not exist (yet): the event must be retried
     */
    public static Optional<BlockChange> project(ReservationChange change, SeatBlockState state) {
        if (!change.isNewerThan(state.lastApplied(change.scheduleId(), change.reservationId()))) {
            return Optional.empty();
        }
        Set<Integer> blockNos = SeatBlocks.blocksOf(change.seatNos());
        Map<Integer, SeatBlock> blocks = state.blocks(change.scheduleId(), blockNos);
        if (!blocks.keySet().containsAll(blockNos)) {
            // every seat of a reservation exists in the published schedule: a missing block is not written yet
            throw new IllegalStateException("schedule " + change.scheduleId() + " has no seat block(s) "
                    + blockNos.stream().filter(blockNo -> !blocks.containsKey(blockNo)).toList() + " yet");
        }
        List<SeatBlock> changed = new ArrayList<>();
        for (SeatBlock block : blocks.values()) {
            SeatBlock next = block.apply(change);
            if (next != block) {
                changed.add(next);
            }
        }
        return Optional.of(new BlockChange(change.reservationId(), changed, change.sequence()));
    }
}

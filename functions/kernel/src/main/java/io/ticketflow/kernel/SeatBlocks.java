package io.ticketflow.kernel;

import java.util.Collection;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How a schedule's seats are cut into stored blocks, shared by the Concert seat map and the Reservation inventory:
 * fixed runs of {@link #SIZE} seat numbers, so an item holds at most {@link #SIZE} seats whatever the hall, and
 * a change of a few seats rewrites only the one or two blocks holding them.
 */
public final class SeatBlocks {

    /** Seats per block: a block of fully described seats stays a few tens of KB, far below DynamoDB's 400 KB. */
    public static final int SIZE = 100;

    private SeatBlocks() {
    }

    /** @param seatNo from 1; seats 1–100 are block 0, 101–200 block 1, … */
    public static int blockOf(int seatNo) {
        if (seatNo < 1) {
            throw new IllegalArgumentException("seatNo starts at 1, was " + seatNo);
        }
        return (seatNo - 1) / SIZE;
    }

    /** The blocks holding these seats, ascending; null and non-positive seat numbers are skipped. */
    public static SortedSet<Integer> blocksOf(Collection<Integer> seatNos) {
        SortedSet<Integer> blocks = new TreeSet<>();
        if (seatNos != null) {
            seatNos.stream().filter(Objects::nonNull).filter(seatNo -> seatNo >= 1).map(SeatBlocks::blockOf).forEach(blocks::add);
        }
        return blocks;
    }
}

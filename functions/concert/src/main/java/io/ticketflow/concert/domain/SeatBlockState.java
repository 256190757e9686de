package io.ticketflow.concert.domain;

import java.util.Map;
import java.util.Set;

/** What the live projection reads before it applies an event: a port, so the projection is testable without I/O. */
public interface SeatBlockState {

    /** @return the sequence last applied for the reservation on this schedule; null when none was */
    Long lastApplied(String scheduleId, String reservationId);

    /** @return blockNo → block, for those of {@code blockNos} that exist */
    Map<Integer, SeatBlock> blocks(String scheduleId, Set<Integer> blockNos);
}

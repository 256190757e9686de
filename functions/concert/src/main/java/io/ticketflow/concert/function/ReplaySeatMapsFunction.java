package io.ticketflow.concert.function;

import io.ticketflow.concert.adapter.DynamoDbSeatMapStore;
import io.ticketflow.concert.adapter.SeatMapReplay;
import io.ticketflow.concert.domain.SeatMap;
import java.util.SortedMap;
import java.util.function.Function;

/** The replay command as a task: rebuilds the seat maps from the event stores, see {@link SeatMapReplay}. */
public final class ReplaySeatMapsFunction implements Function<ReplaySeatMaps, ReplayReport> {

    private final SeatMapReplay replay;
    private final DynamoDbSeatMapStore seatMaps;

    public ReplaySeatMapsFunction(SeatMapReplay replay, DynamoDbSeatMapStore seatMaps) {
        this.replay = replay;
        this.seatMaps = seatMaps;
    }

    @Override
    public ReplayReport apply(ReplaySeatMaps command) {
        SortedMap<String, SeatMap> rebuilt = replay.rebuild();
        int unchanged = (int) rebuilt.values().stream()
                .filter(seatMap -> seatMaps.findWithHistory(seatMap.scheduleId()).map(seatMap::sameProjectionAs).orElse(false))
                .count();
        boolean store = command != null && command.store();
        if (store) {
            replay.store(rebuilt);
        }
        return new ReplayReport(rebuilt.size(), unchanged, store);
    }
}

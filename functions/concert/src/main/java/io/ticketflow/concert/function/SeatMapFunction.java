package io.ticketflow.concert.function;

import io.ticketflow.concert.domain.ConcertProblems;
import io.ticketflow.concert.domain.SeatMap;
import io.ticketflow.concert.domain.SeatMapStore;
import io.ticketflow.concert.function.SeatMapView.SeatView;
import io.ticketflow.kernel.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * {@code GET /schedules/{scheduleId}/seats}: one read of the seat map (or none, from the cache), answered whole or
 * for the seat range asked.
 */
public final class SeatMapFunction implements Function<SeatMapQuery, SeatMapView> {

    private final SeatMapStore seatMaps;
    private final Clock clock;

    public SeatMapFunction(SeatMapStore seatMaps, Clock clock) {
        this.seatMaps = seatMaps;
        this.clock = clock;
    }

    @Override
    public SeatMapView apply(SeatMapQuery query) {
        SeatMap seatMap = seatMaps.find(query.scheduleId()).orElseThrow(() ->
                new ProblemException(ConcertProblems.UNKNOWN_SCHEDULE, "no schedule " + query.scheduleId()));
        Instant now = clock.instant();
        return new SeatMapView(seatMap.scheduleId(), seatMap.concertId(), seatMap.seats().stream()
                .filter(seat -> query.includes(seat.seatNo()))
                .map(seat -> new SeatView(seat.seatNo(), seat.grade(), seat.price(), seat.statusAt(now)))
                .toList()).answering(query.ifNoneMatch());
    }
}

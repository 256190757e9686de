package io.ticketflow.concert.domain;

import java.util.Optional;

/** Where the seat maps live (one item per schedule). */
public interface SeatMapStore {

    Optional<SeatMap> find(String scheduleId);
}

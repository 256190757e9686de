package io.ticketflow.concert.domain;

import java.util.Optional;

/** Where the seat maps live (in blocks, assembled on read). */
public interface SeatMapStore {

    Optional<SeatMap> find(String scheduleId);
}

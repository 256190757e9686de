package io.ticketflow.concert.domain;

import java.time.Instant;
import java.util.List;

/** One performance of a concert with its seat inventory. */
public record Schedule(String scheduleId, Instant startsAt, List<Seat> seats) {

    public Schedule {
        seats = seats == null ? List.of() : List.copyOf(seats);
    }
}

package io.ticketflow.concert.domain;

import java.util.List;

/** The concert catalogue: concerts, their schedules and the sections of their seats. */
public interface ConcertCatalog {

    /**
     * Stores the concert, its schedules and their all-free seat maps, and its CONCERT_PUBLISHED event, at once.
     *
     * @return false when the concert was published already (nothing is written again)
     */
    boolean publish(Concert concert);

    List<ConcertSummary> concerts();

    /** @return the concert's schedules ordered by start; empty for an unknown concert */
    List<Schedule> schedules(String concertId);
}

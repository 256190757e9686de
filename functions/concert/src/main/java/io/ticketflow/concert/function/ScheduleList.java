package io.ticketflow.concert.function;

import io.ticketflow.concert.domain.Section;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A concert's schedules with their free seats now.
 *
 * @param availableDates the (UTC) dates of the schedules that still have a free seat, ascending
 */
public record ScheduleList(String concertId, List<ScheduleAvailability> schedules, List<LocalDate> availableDates) {

    /** @param sections the hall's layout, so a client can ask the seat map for one section at a time */
    public record ScheduleAvailability(String scheduleId, Instant startsAt, int freeSeats, List<Section> sections) {
    }
}

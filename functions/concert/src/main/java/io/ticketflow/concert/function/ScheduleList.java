package io.ticketflow.concert.function;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A concert's schedules with their free seats now.
 *
 * @param availableDates the (UTC) dates of the schedules that still have a free seat, ascending
 */
public record ScheduleList(String concertId, List<ScheduleAvailability> schedules, List<LocalDate> availableDates) {

    public record ScheduleAvailability(String scheduleId, Instant startsAt, int freeSeats) {
    }
}

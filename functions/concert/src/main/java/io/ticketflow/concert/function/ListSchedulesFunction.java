package io.ticketflow.concert.function;

import io.ticketflow.concert.domain.ConcertCatalog;
import io.ticketflow.concert.domain.ConcertProblems;
import io.ticketflow.concert.domain.Schedule;
import io.ticketflow.concert.domain.SeatMapStore;
import io.ticketflow.concert.function.ScheduleList.ScheduleAvailability;
import io.ticketflow.kernel.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/** {@code GET /concerts/{concertId}/schedules}: the schedules with their free seats and the dates still on sale. */
public final class ListSchedulesFunction implements Function<ScheduleQuery, ScheduleList> {

    private final ConcertCatalog catalog;
    private final SeatMapStore seatMaps;
    private final Clock clock;

    /** @param seatMaps the cached seat maps, the same the seat map route reads */
    public ListSchedulesFunction(ConcertCatalog catalog, SeatMapStore seatMaps, Clock clock) {
        this.catalog = catalog;
        this.seatMaps = seatMaps;
        this.clock = clock;
    }

    @Override
    public ScheduleList apply(ScheduleQuery query) {
        List<Schedule> schedules = catalog.schedules(query.concertId());
        if (schedules.isEmpty()) {
            throw new ProblemException(ConcertProblems.UNKNOWN_CONCERT, "no concert " + query.concertId());
        }
        Instant now = clock.instant();
        List<ScheduleAvailability> availability = schedules.stream()
                .map(schedule -> new ScheduleAvailability(schedule.scheduleId(), schedule.startsAt(),
                        seatMaps.find(schedule.scheduleId()).map(seatMap -> seatMap.freeSeats(now)).orElse(0),
                        schedule.sections()))
                .toList();
        List<LocalDate> availableDates = availability.stream()
                .filter(schedule -> schedule.freeSeats() > 0)
                .map(schedule -> LocalDate.ofInstant(schedule.startsAt(), ZoneOffset.UTC))
                .distinct()
                .sorted()
                .toList();
        return new ScheduleList(query.concertId(), availability, availableDates);
    }
}

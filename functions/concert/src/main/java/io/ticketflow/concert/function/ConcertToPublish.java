package io.ticketflow.concert.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.Schedule;
import io.ticketflow.concert.domain.Seat;
import io.ticketflow.concert.domain.Section;
import io.ticketflow.kernel.http.Rfc3339Instants;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What {@code publishConcert} takes: a {@link Concert} whose schedules give their seats either as {@code sections}
 * or, as the demo catalogue and the bench do, as an explicit {@code seats} list, which becomes sections.
 */
public record ConcertToPublish(String concertId, String title, String artist, String venue, List<ScheduleToPublish> schedules) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduleToPublish(String scheduleId,
                                    @JsonDeserialize(using = Rfc3339Instants.class) Instant startsAt,
                                    List<Section> sections,
                                    List<Seat> seats) {

        /**
         * @throws ProblemException {@code invalid-request} when both or neither are given, or the one given is empty:
         *                          which one holds is not guessed
         */
        Schedule schedule() {
            if (sections != null && seats != null) {
                throw new ProblemException(ProblemTypes.INVALID_REQUEST,
                        "schedule " + scheduleId + ": give either sections or seats, not both");
            }
            if (sections == null && seats == null) {
                throw new ProblemException(ProblemTypes.INVALID_REQUEST,
                        "schedule " + scheduleId + ": give its seats, as sections or as a seats list");
            }
            if ((seats != null && seats.isEmpty()) || (sections != null && sections.isEmpty())) {
                throw new ProblemException(ProblemTypes.INVALID_REQUEST,
                        "schedule " + scheduleId + ": " + (seats != null ? "seats" : "sections") + " must not be empty");
            }
            if ((seats != null && seats.stream().anyMatch(Objects::isNull))
                    || (sections != null && sections.stream().anyMatch(Objects::isNull))) {
                throw new ProblemException(ProblemTypes.INVALID_REQUEST,
                        "schedule " + scheduleId + ": " + (seats != null ? "seats" : "sections") + " must not contain null");
            }
            return seats != null ? Schedule.withSeats(scheduleId, startsAt, seats) : new Schedule(scheduleId, startsAt, sections);
        }
    }

    /** A concert already laid out in sections, as a request to publish it. */
    public static ConcertToPublish of(Concert concert) {
        return new ConcertToPublish(concert.concertId(), concert.title(), concert.artist(), concert.venue(), concert.schedules().stream()
                .map(schedule -> new ScheduleToPublish(schedule.scheduleId(), schedule.startsAt(), schedule.sections(), null))
                .toList());
    }

    /** The concert with sections only, not yet validated. */
    public Concert concert() {
        return new Concert(concertId, title, artist, venue,
                schedules == null ? List.of() : schedules.stream().map(ConcertToPublish::schedule).toList());
    }

    private static Schedule schedule(ScheduleToPublish schedule) {
        if (schedule == null) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "schedules must not contain null");
        }
        return schedule.schedule();
    }
}

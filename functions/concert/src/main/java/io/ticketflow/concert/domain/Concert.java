package io.ticketflow.concert.domain;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A concert with its schedules and seats, as it is published (and as {@code CONCERT_PUBLISHED} carries it).
 */
public record Concert(String concertId, String title, String artist, String venue, List<Schedule> schedules) {

    /**
     * Publishing writes the concert, each schedule and the first block of its seat map and the event in one
     * transaction, which DynamoDB caps at 100 items.
     */
    public static final int MAX_SCHEDULES = 49;

    public Concert {
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
    }

    public ConcertSummary summary() {
        return new ConcertSummary(concertId, title, artist, venue);
    }

    /** @throws ProblemException {@code invalid-request} naming the first broken rule */
    public Concert validated() {
        requireId("concertId", concertId);
        requireText("title", title);
        requireText("artist", artist);
        requireText("venue", venue);
        if (schedules.isEmpty() || schedules.size() > MAX_SCHEDULES) {
            throw invalid("a concert has 1 to " + MAX_SCHEDULES + " schedules, this one has " + schedules.size());
        }
        Set<String> scheduleIds = new HashSet<>();
        for (Schedule schedule : schedules) {
            requireId("scheduleId", schedule.scheduleId());
            if (!scheduleIds.add(schedule.scheduleId())) {
                throw invalid("scheduleId " + schedule.scheduleId() + " appears twice");
            }
            if (schedule.startsAt() == null) {
                throw invalid("schedule " + schedule.scheduleId() + " needs startsAt");
            }
            if (schedule.seats().isEmpty()) {
                throw invalid("schedule " + schedule.scheduleId() + " has no seats");
            }
            Set<Integer> seatNos = new HashSet<>();
            for (Seat seat : schedule.seats()) {
                if (seat.seatNo() < 1 || !seatNos.add(seat.seatNo())) {
                    throw invalid("schedule " + schedule.scheduleId() + ": seatNo " + seat.seatNo() + " is below 1 or repeated");
                }
                requireText("grade", seat.grade());
                if (seat.price() <= 0) {
                    throw invalid("seat " + seat.seatNo() + " needs a price above 0 points");
                }
            }
        }
        return this;
    }

    private static void requireId(String name, String value) {
        // '#' separates the parts of the catalogue's composite sort keys
        if (value == null || value.isBlank() || value.contains("#")) {
            throw invalid(name + " must be non-blank and contain no '#'");
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " must be non-blank");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemTypes.INVALID_REQUEST, detail);
    }
}

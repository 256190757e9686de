package io.ticketflow.concert.domain;

import io.ticketflow.kernel.Ids;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A concert with its schedules and their sections, as it is published (and as {@code CONCERT_PUBLISHED} carries it).
 */
public record Concert(String concertId, String title, String artist, String venue, List<Schedule> schedules) {

    /**
     * Publishing writes the concert, each schedule and the first block of its seat map and the event in one
     * transaction, which DynamoDB caps at 100 items.
     */
    public static final int MAX_SCHEDULES = 49;
    /** Seats are stored and sent as sections, and expanded only into the seat map's and the inventory's blocks. */
    public static final int MAX_SEATS_PER_SCHEDULE = 100_000;
    public static final int MAX_SECTIONS_PER_SCHEDULE = 1_000;
    /**
     * CONCERT_PUBLISHED carries every section of the concert in one SQS message (256 KiB). With the lengths below and
     * plain-ASCII names, the largest concert these rules allow is about 215 KB of JSON; names that JSON escapes or
     * UTF-8 widens can still exceed it, which the adapter refuses when it builds the event.
     */
    public static final int MAX_SECTIONS_PER_CONCERT = 1_500;
    public static final int MAX_NAME_LENGTH = 24;
    public static final int MAX_ID_LENGTH = Ids.MAX_CHOSEN_LENGTH;
    public static final int MAX_TEXT_LENGTH = 200;

    public Concert {
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
    }

    public ConcertSummary summary() {
        return new ConcertSummary(concertId, title, artist, venue);
    }

    /** @throws ProblemException {@code invalid-request} naming the first broken rule */
    public Concert validated() {
        requireId("concertId", concertId);
        requireText("title", title, MAX_TEXT_LENGTH);
        requireText("artist", artist, MAX_TEXT_LENGTH);
        requireText("venue", venue, MAX_TEXT_LENGTH);
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
            validateLayout(schedule);
        }
        int sections = schedules.stream().mapToInt(schedule -> schedule.sections().size()).sum();
        if (sections > MAX_SECTIONS_PER_CONCERT) {
            throw invalid("a concert has at most " + MAX_SECTIONS_PER_CONCERT + " sections over all its schedules, this one has " + sections);
        }
        return this;
    }

    private static void validateLayout(Schedule schedule) {
        String where = "schedule " + schedule.scheduleId() + ": ";
        List<Section> sections = schedule.sections();
        if (sections.isEmpty() || sections.size() > MAX_SECTIONS_PER_SCHEDULE) {
            throw invalid(where + "a schedule has 1 to " + MAX_SECTIONS_PER_SCHEDULE + " sections, this one has " + sections.size());
        }
        for (Section section : sections) {
            requireText(where + "section", section.section(), MAX_NAME_LENGTH);
            String named = where + "section " + section.section() + ": ";
            requireText(named + "grade", section.grade(), MAX_NAME_LENGTH);
            if (section.price() <= 0) {
                throw invalid(named + "price must be above 0 points");
            }
            if (section.firstSeat() < 1) {
                throw invalid(named + "firstSeat must be 1 or more");
            }
            if (section.lastSeat() < section.firstSeat()) {
                throw invalid(named + "lastSeat must not be below firstSeat");
            }
        }
        if (schedule.seatCount() > MAX_SEATS_PER_SCHEDULE) {
            throw invalid(where + "a schedule has at most " + MAX_SEATS_PER_SCHEDULE + " seats, this one has " + schedule.seatCount());
        }
        List<Section> inSeatOrder = sections.stream().sorted(Comparator.comparingInt(Section::firstSeat)).toList();
        for (int i = 1; i < inSeatOrder.size(); i++) {
            Section previous = inSeatOrder.get(i - 1);
            Section next = inSeatOrder.get(i);
            if (next.firstSeat() <= previous.lastSeat()) {
                throw invalid(where + "sections " + previous.section() + " and " + next.section() + " overlap at seat " + next.firstSeat());
            }
        }
    }

    private static void requireId(String name, String value) {
        // '#' separates the parts of the catalogue's composite sort keys
        if (!Ids.isChosenId(value)) {
            throw invalid(Ids.chosenIdRule(name));
        }
    }

    private static void requireText(String name, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw invalid(name + " must be non-blank and at most " + maxLength + " characters");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemTypes.INVALID_REQUEST, detail);
    }
}

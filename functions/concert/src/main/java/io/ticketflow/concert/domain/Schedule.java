package io.ticketflow.concert.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** One performance of a concert with its seats, described by {@link Section}s. */
public record Schedule(String scheduleId, Instant startsAt, List<Section> sections) {

    public Schedule {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** A schedule laid out seat by seat, as the demo and older clients publish: its seats become sections. */
    public static Schedule withSeats(String scheduleId, Instant startsAt, List<Seat> seats) {
        return new Schedule(scheduleId, startsAt, Section.runsOf(seats == null ? List.of() : seats));
    }

    /** Every seat in seat order, expanded from the sections where a per-seat view is built (the seat map). */
    public List<Seat> seats() {
        return sections.stream().flatMap(Section::seats).sorted(Comparator.comparingInt(Seat::seatNo)).toList();
    }

    public long seatCount() {
        return sections.stream().mapToLong(Section::seatCount).sum();
    }
}

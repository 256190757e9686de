package io.ticketflow.reservation.domain;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The seats of one schedule, as Reservation learnt them from {@code CONCERT_PUBLISHED}. */
public record ScheduleInventory(String scheduleId, String concertId, Map<Integer, Seat> seats) {

    public ScheduleInventory {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(concertId, "concertId");
        seats = Map.copyOf(seats);
    }

    public static ScheduleInventory of(String scheduleId, String concertId, List<Seat> seats) {
        return new ScheduleInventory(scheduleId, concertId,
                seats.stream().collect(Collectors.toMap(Seat::seatNo, seat -> seat)));
    }

    /** Every seat, by seat number. */
    public List<Seat> allSeats() {
        return List.copyOf(new TreeMap<>(seats).values());
    }

    /**
     * The requested seats in the order asked, checked against the hold rules.
     *
     * @throws ProblemException {@code invalid-request} (none or duplicates), {@code too-many-seats},
     *                          {@code unknown-seat}; nothing is held then
     */
    public List<Seat> select(List<Integer> seatNos, HoldPolicy policy) {
        if (seatNos == null || seatNos.isEmpty()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "seatNos must name at least one seat");
        }
        if (seatNos.stream().anyMatch(Objects::isNull)) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "seatNos must be seat numbers, not null");
        }
        Set<Integer> distinct = new HashSet<>();
        List<Integer> duplicates = seatNos.stream().filter(seatNo -> !distinct.add(seatNo)).distinct().toList();
        if (!duplicates.isEmpty()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "seatNos names seat(s) " + duplicates + " more than once");
        }
        if (seatNos.size() > policy.maxSeats()) {
            throw new ProblemException(ReservationProblems.TOO_MANY_SEATS,
                    "at most " + policy.maxSeats() + " seats per reservation, asked for " + seatNos.size());
        }
        List<Integer> unknown = seatNos.stream().filter(seatNo -> !seats.containsKey(seatNo)).toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(ReservationProblems.UNKNOWN_SEAT,
                    "schedule '" + scheduleId + "' has no seat(s) " + unknown);
        }
        List<Seat> selected = new ArrayList<>();
        seatNos.forEach(seatNo -> selected.add(seats.get(seatNo)));
        return selected;
    }
}

package io.ticketflow.reservation.domain;

import io.ticketflow.kernel.SeatBlocks;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Seats of one schedule, as Reservation learnt them from {@code CONCERT_PUBLISHED}: all of them when published,
 * only the blocks (the kernel's {@code SeatBlocks}) of the seats asked for when read for a hold, so a hold reads a
 * few KB whatever the hall.
 */
public record ScheduleInventory(String scheduleId, String concertId, Instant startsAt, Map<Integer, Seat> seats) {

    public ScheduleInventory {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(startsAt, "startsAt");
        seats = Map.copyOf(seats);
    }

    /** @param startsAt when the show starts: a booking's cancellation is refused from a cut-off before it */
    public static ScheduleInventory of(String scheduleId, String concertId, Instant startsAt, List<Seat> seats) {
        return new ScheduleInventory(scheduleId, concertId, startsAt,
                seats.stream().collect(Collectors.toMap(Seat::seatNo, seat -> seat)));
    }

    /** Every seat known here, by seat number. */
    public List<Seat> allSeats() {
        return List.copyOf(new TreeMap<>(seats).values());
    }

    /** The seats cut into their stored blocks: blockNo → seats by seat number. */
    public SortedMap<Integer, List<Seat>> blocks() {
        SortedMap<Integer, List<Seat>> blocks = new TreeMap<>();
        allSeats().forEach(seat -> blocks.computeIfAbsent(SeatBlocks.blockOf(seat.seatNo()), block -> new ArrayList<>()).add(seat));
        return blocks;
    }

    /**
     * The seats a hold has to read the inventory of: none when {@link #select} will refuse the request for its
     * shape anyway, so an oversized request costs no reads.
     */
    public static List<Integer> seatsToRead(List<Integer> seatNos, HoldPolicy policy) {
        return seatNos == null || seatNos.size() > policy.maxSeats() ? List.of()
                : seatNos.stream().filter(Objects::nonNull).toList();
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
        if (seatNos.size() > policy.seatsPerUser()) {
            // more than the user may ever have: no need to ask the store what they hold already
            throw FairShare.seatLimitReached(concertId, seatNos.size(), -1, policy);
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

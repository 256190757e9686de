package io.ticketflow.concert.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Seats {@code firstSeat}..{@code lastSeat} of a schedule, sold in one grade at one price. A schedule is stored and
 * sent as its sections, never seat by seat, so its catalogue item and CONCERT_PUBLISHED stay small whatever the
 * hall. Seat numbers are the schedule's own, so holds and the seat map address seats as before.
 *
 * @param section the venue's name for these seats ("A", "Floor 3"); runs made from explicit seats are named by
 *                their range ("11-50")
 */
public record Section(String section, String grade, int price, int firstSeat, int lastSeat) {

    /** A long: a malformed section may span more seats than an int counts. */
    public long seatCount() {
        return (long) lastSeat - firstSeat + 1;
    }

    public Stream<Seat> seats() {
        return IntStream.rangeClosed(firstSeat, lastSeat).mapToObj(seatNo -> new Seat(seatNo, grade, price));
    }

    /**
     * Explicit seats as sections: each run of consecutive seat numbers of one grade and price, in seat order. A
     * repeated seat number starts a run of its own, so the layout's validation reports it as an overlap.
     */
    public static List<Section> runsOf(List<Seat> seats) {
        List<Seat> ordered = seats.stream().sorted(Comparator.comparingInt(Seat::seatNo)).toList();
        List<Section> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= ordered.size(); i++) {
            if (i == ordered.size() || !continues(ordered.get(i - 1), ordered.get(i))) {
                Seat first = ordered.get(start);
                Seat last = ordered.get(i - 1);
                runs.add(new Section(first.seatNo() + "-" + last.seatNo(), first.grade(), first.price(), first.seatNo(), last.seatNo()));
                start = i;
            }
        }
        return runs;
    }

    private static boolean continues(Seat previous, Seat next) {
        return next.seatNo() == previous.seatNo() + 1 && Objects.equals(next.grade(), previous.grade())
                && next.price() == previous.price();
    }
}

package io.ticketflow.concert.function;

import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.util.Optional;

/**
 * A seat map request: the whole schedule, or only seats {@code fromSeat}..{@code toSeat} (inclusive; either bound
 * may be left out), so a fan looking at one section of a stadium does not download all 60,000 seats. A range
 * after the last seat, or one whose {@code fromSeat} is after its {@code toSeat}, holds no seat: the answer's list
 * is empty.
 *
 * @param ifNoneMatch the {@code If-None-Match} header: the ETag of the copy the client has, if any
 */
public record SeatMapQuery(String scheduleId, int fromSeat, int toSeat, String ifNoneMatch) {

    public static final String FROM_SEAT = "fromSeat";
    public static final String TO_SEAT = "toSeat";
    public static final String IF_NONE_MATCH = "If-None-Match";

    public SeatMapQuery(String scheduleId) {
        this(scheduleId, 1, Integer.MAX_VALUE, null);
    }

    public static SeatMapQuery from(HttpRequest request) {
        int from = seatNumber(request.queryParameter(FROM_SEAT), FROM_SEAT).orElse(1);
        int to = seatNumber(request.queryParameter(TO_SEAT), TO_SEAT).orElse(Integer.MAX_VALUE);
        return new SeatMapQuery(request.pathParameter("scheduleId"), from, to, request.header(IF_NONE_MATCH).orElse(null));
    }

    public boolean includes(int seatNo) {
        return seatNo >= fromSeat && seatNo <= toSeat;
    }

    private static Optional<Integer> seatNumber(Optional<String> value, String name) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        // at most 9 digits: a seat number, never an int overflow
        if (!text.matches("[1-9][0-9]{0,8}")) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, name + " must be a seat number (1 or more), got '" + text + "'");
        }
        return Optional.of(Integer.parseInt(text));
    }
}

package io.ticketflow.concert.function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.ticketflow.concert.domain.SeatStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A schedule's seats as a buyer sees them now (who holds a seat is not shown).
 *
 * @param etag        names exactly these seats in these states: a client sends it back in {@code If-None-Match}
 * @param notModified the client's copy is this one: the answer is 304 without a body
 */
public record SeatMapView(String scheduleId, String concertId, List<SeatView> seats,
                          @JsonIgnore String etag, @JsonIgnore boolean notModified) {

    public record SeatView(int seatNo, String grade, int price, SeatStatus status) {
    }

    public SeatMapView(String scheduleId, String concertId, List<SeatView> seats) {
        this(scheduleId, concertId, seats, etagOf(scheduleId, seats), false);
    }

    /** This view, or a 304 when {@code ifNoneMatch} (an {@code If-None-Match} value, null for none) names it. */
    public SeatMapView answering(String ifNoneMatch) {
        return matches(ifNoneMatch) ? new SeatMapView(scheduleId, concertId, seats, etag, true) : this;
    }

    /** RFC 9110: a list of entity tags or "*", compared weakly (a W/ prefix does not matter). */
    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || strip(candidate).equals(strip(etag))) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String etagOf(String scheduleId, List<SeatView> seats) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(scheduleId.getBytes(StandardCharsets.UTF_8));
            for (SeatView seat : seats) {
                digest.update((seat.seatNo() + "|" + seat.grade() + "|" + seat.price() + "|" + seat.status() + ";")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

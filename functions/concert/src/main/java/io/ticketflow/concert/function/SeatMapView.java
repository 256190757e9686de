package io.ticketflow.concert.function;

import io.ticketflow.concert.domain.SeatStatus;
import java.util.List;

/** A schedule's seats as a buyer sees them now (who holds a seat is not shown). */
public record SeatMapView(String scheduleId, String concertId, List<SeatView> seats) {

    public record SeatView(int seatNo, String grade, int price, SeatStatus status) {
    }
}

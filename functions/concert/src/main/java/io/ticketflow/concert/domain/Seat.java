package io.ticketflow.concert.domain;

/** A seat of a schedule as sold: its number, price grade and price in points. */
public record Seat(int seatNo, String grade, int price) {
}

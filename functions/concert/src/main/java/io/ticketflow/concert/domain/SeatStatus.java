package io.ticketflow.concert.domain;

public enum SeatStatus {
    FREE, HELD, SOLD
}

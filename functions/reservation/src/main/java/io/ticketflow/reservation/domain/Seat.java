package io.ticketflow.reservation.domain;

import java.util.Objects;

/**
 * A seat of a schedule as the inventory knows it.
 *
 * @param price in points
 */
public record Seat(int seatNo, String grade, int price) {

    public Seat {
        Objects.requireNonNull(grade, "grade");
        if (seatNo < 1) {
            throw new IllegalArgumentException("seatNo starts at 1, was " + seatNo);
        }
        if (price <= 0) {
            throw new IllegalArgumentException("price must be positive, was " + price);
        }
    }
}

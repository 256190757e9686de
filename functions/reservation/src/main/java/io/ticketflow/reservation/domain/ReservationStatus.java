package io.ticketflow.reservation.domain;

/** PENDING → CONFIRMED | CANCELLED | EXPIRED; the three end states are final. */
public enum ReservationStatus {
    PENDING, CONFIRMED, CANCELLED, EXPIRED;

    public boolean isFinal() {
        return this != PENDING;
    }
}

package io.ticketflow.reservation.domain;

/** Where stuck bookings go so that one is never silent: a dead-letter queue an operator watches. */
public interface StuckBookings {

    /** @return the id the queue gave the report */
    String report(StuckBooking booking);
}

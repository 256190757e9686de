package io.ticketflow.reservation.domain;

import io.ticketflow.kernel.problem.ProblemType;

/** The stable problem types the Reservation service answers with, beyond the kernel's generic ones. */
public final class ReservationProblems {

    public static final ProblemType SEAT_UNAVAILABLE = new ProblemType("seat-unavailable", "Seat unavailable", 409);
    public static final ProblemType TOO_MANY_SEATS = new ProblemType("too-many-seats", "Too many seats", 400);
    public static final ProblemType UNKNOWN_SCHEDULE = new ProblemType("unknown-schedule", "Unknown schedule", 404);
    public static final ProblemType UNKNOWN_SEAT = new ProblemType("unknown-seat", "Unknown seat", 404);
    public static final ProblemType RESERVATION_NOT_FOUND =
            new ProblemType("reservation-not-found", "Reservation not found", 404);
    public static final ProblemType RESERVATION_NOT_PENDING =
            new ProblemType("reservation-not-pending", "Reservation not pending", 409);

    public static final ProblemType RESERVATION_NOT_CONFIRMED =
            new ProblemType("reservation-not-confirmed", "Reservation not confirmed", 409);

    /** The queue token already has a hold that is still running: pay for it or give it back first. */
    public static final ProblemType HOLD_ALREADY_PENDING =
            new ProblemType("hold-already-pending", "Hold already pending", 409);
    /** The user's holds and bookings of the concert would exceed the seats one user may have. */
    public static final ProblemType SEAT_LIMIT_REACHED =
            new ProblemType("seat-limit-reached", "Seat limit per user reached", 409);
    /** The show starts too soon for a cancellation with refund. */
    public static final ProblemType CANCELLATION_CLOSED =
            new ProblemType("cancellation-closed", "Cancellation period over", 409);
    /** The hold's booking saga could not be started, so the hold was undone: nothing is held, try again later. */
    public static final ProblemType BOOKING_NOT_STARTED =
            new ProblemType("booking-not-started", "Booking not started", 503);

    private ReservationProblems() {
    }
}

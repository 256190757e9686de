package io.ticketflow.reservation.domain;

import io.ticketflow.kernel.problem.ProblemException;

/**
 * The refusals that keep one admitted user from hoarding (issue #12): one running hold per queue token, and at most
 * {@link HoldPolicy#seatsPerUser()} seats of a concert per user across holds and bookings. The repository enforces
 * both in the hold's own transaction, so racing holds cannot slip past either.
 */
public final class FairShare {

    private FairShare() {
    }

    /** The token's earlier hold is still running; {@code reservationId} is null when the store did not say which. */
    public static ProblemException holdAlreadyPending(String queueToken, String reservationId) {
        String which = reservationId == null ? "a reservation" : "reservation " + reservationId;
        return new ProblemException(ReservationProblems.HOLD_ALREADY_PENDING, "this queue token already holds "
                + which + " that is pending: pay for it or cancel it before holding other seats");
    }

    /** @param held the user's seats of the concert now, or -1 when the store did not say */
    public static ProblemException seatLimitReached(String concertId, int asked, int held, HoldPolicy policy) {
        String now = held < 0 ? "" : "; you hold or have booked " + held;
        return new ProblemException(ReservationProblems.SEAT_LIMIT_REACHED, "at most " + policy.seatsPerUser()
                + " seats of concert '" + concertId + "' per user, across holds and bookings" + now
                + ", and asked for " + asked + " more");
    }
}

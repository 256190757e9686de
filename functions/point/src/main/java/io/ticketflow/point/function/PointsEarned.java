package io.ticketflow.point.function;

/**
 * What the booking earned: the same answer for every retry of the step.
 *
 * @param pointsEarned 0 when the card amount earns no whole point (nothing is written then)
 * @param balance      the balance after the earning (the current balance when nothing was earned)
 */
public record PointsEarned(String operationId, String userId, String reservationId, long pointsEarned, long balance) {
}

package io.ticketflow.point.function;

/**
 * The take-back's result: the same answer for every retry of the step.
 *
 * @param pointsTakenBack the points taken back; 0 when the booking earned none
 * @param balance         the balance after the take-back (the current balance when there was nothing to take back)
 */
public record EarnedPointsTakenBack(String operationId, String userId, String reservationId, long pointsTakenBack,
                                    long balance) {
}

package io.ticketflow.point.function;

/**
 * The compensation's result.
 *
 * @param refunded the points given back; 0 when there was no deduction to undo
 * @param balance  the balance after the refund (the current balance when there was nothing to refund)
 */
public record PointsRefunded(String operationId, String userId, String reservationId, long refunded, long balance) {
}

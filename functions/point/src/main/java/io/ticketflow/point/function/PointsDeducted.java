package io.ticketflow.point.function;

import io.ticketflow.point.domain.LedgerEntry;

/** What the deduction took and left: the same answer for every retry of the step. */
public record PointsDeducted(String operationId, String userId, String reservationId, long amount, long balance) {

    static PointsDeducted of(LedgerEntry entry) {
        return new PointsDeducted(entry.operationId(), entry.userId(), entry.reservationId(), entry.amount(),
                entry.balanceAfter());
    }
}

package io.ticketflow.point.function;

import io.ticketflow.point.domain.LedgerEntry;
import io.ticketflow.point.domain.PointBook;
import java.util.Optional;
import java.util.function.Function;

/**
 * Saga compensation RefundPoints. Succeeds when there is nothing to undo (the deduction never happened, or
 * its refund already did), because the orchestrator cannot know whether a timed-out deduction landed.
 */
public final class RefundPointsFunction implements Function<RefundPoints, PointsRefunded> {

    private final PointBook book;

    public RefundPointsFunction(PointBook book) {
        this.book = book;
    }

    @Override
    public PointsRefunded apply(RefundPoints command) {
        Optional<LedgerEntry> refund =
                BusyAccount.retriedBySaga(() -> book.refund(command.userId(), command.reservationId()));
        String operationId = PointBook.refundId(command.reservationId());
        return refund
                .map(entry -> new PointsRefunded(operationId, entry.userId(), command.reservationId(), entry.amount(),
                        entry.balanceAfter()))
                .orElseGet(() -> new PointsRefunded(operationId, command.userId(), command.reservationId(), 0,
                        book.account(command.userId()).balance()));
    }
}

package io.ticketflow.point.function;

import io.ticketflow.kernel.saga.EarnedPointsSpent;
import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.point.domain.PointBook;
import java.util.function.Function;

/**
 * Cancellation step TakeBackEarnedPoints. Succeeds taking back nothing when the booking earned nothing. Fails with
 * {@link EarnedPointsSpent} (nothing written) when the fan's balance is below what the booking earned, so the
 * cancellation is refused before anything else of the booking is undone, and with {@link TransientStepError}
 * (retried) when concurrent writers kept winning.
 */
public final class TakeBackEarnedPointsFunction implements Function<TakeBackEarnedPoints, EarnedPointsTakenBack> {

    private final PointBook book;

    public TakeBackEarnedPointsFunction(PointBook book) {
        this.book = book;
    }

    @Override
    public EarnedPointsTakenBack apply(TakeBackEarnedPoints command) {
        String operationId = PointBook.earningReversalId(command.reservationId());
        return BusyAccount.retriedBySaga(() -> book.reverseEarning(command.userId(), command.reservationId()))
                .map(entry -> new EarnedPointsTakenBack(operationId, entry.userId(), command.reservationId(),
                        entry.amount(), entry.balanceAfter()))
                .orElseGet(() -> new EarnedPointsTakenBack(operationId, command.userId(), command.reservationId(), 0,
                        book.account(command.userId()).balance()));
    }
}

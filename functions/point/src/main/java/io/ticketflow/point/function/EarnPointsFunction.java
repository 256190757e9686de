package io.ticketflow.point.function;

import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.point.domain.PointBook;
import java.util.function.Function;

/**
 * Saga step EarnPoints. Credits once however often it is retried; fails only with {@link TransientStepError}
 * (retried by the state machine) when concurrent writers kept winning.
 */
public final class EarnPointsFunction implements Function<EarnPoints, PointsEarned> {

    private final PointBook book;

    public EarnPointsFunction(PointBook book) {
        this.book = book;
    }

    @Override
    public PointsEarned apply(EarnPoints command) {
        String operationId = PointBook.earningId(command.reservationId());
        return BusyAccount
                .retriedBySaga(() -> book.earn(command.userId(), command.reservationId(), command.cardAmount()))
                .map(entry -> new PointsEarned(operationId, entry.userId(), command.reservationId(), entry.amount(),
                        entry.balanceAfter()))
                .orElseGet(() -> new PointsEarned(operationId, command.userId(), command.reservationId(), 0,
                        book.account(command.userId()).balance()));
    }
}

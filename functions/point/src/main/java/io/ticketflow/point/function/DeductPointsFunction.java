package io.ticketflow.point.function;

import io.ticketflow.kernel.saga.InsufficientPoints;
import io.ticketflow.kernel.saga.ReservationNotPending;
import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.point.domain.PointBook;
import java.util.function.Function;

/**
 * Saga step DeductPoints. Fails with {@link InsufficientPoints} (nothing written) when the balance is too low,
 * with {@link ReservationNotPending} when the reservation was compensated already, and with
 * {@link TransientStepError} (retried by the state machine) when concurrent writers kept winning.
 */
public final class DeductPointsFunction implements Function<DeductPoints, PointsDeducted> {

    private final PointBook book;

    public DeductPointsFunction(PointBook book) {
        this.book = book;
    }

    @Override
    public PointsDeducted apply(DeductPoints command) {
        if (command.amount() == 0) {
            // a card pays it all: no ledger line, so the refund of a compensation finds nothing to give back
            return new PointsDeducted(PointBook.deductionId(command.reservationId()), command.userId(),
                    command.reservationId(), 0, book.account(command.userId()).balance());
        }
        return PointsDeducted.of(BusyAccount.retriedBySaga(
                () -> book.deduct(command.userId(), command.reservationId(), command.amount())));
    }
}

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
        return PointsDeducted.of(BusyAccount.retriedBySaga(
                () -> book.deduct(command.userId(), command.reservationId(), command.amount())));
    }
}

package io.ticketflow.point.function;

import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.point.domain.AccountBusy;
import java.util.function.Supplier;

/** How every point saga step reports an account its concurrent writers kept winning: retried by the state machine. */
final class BusyAccount {

    private BusyAccount() {
    }

    static <T> T retriedBySaga(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (AccountBusy busy) {
            throw new TransientStepError(busy.getMessage(), busy);
        }
    }
}

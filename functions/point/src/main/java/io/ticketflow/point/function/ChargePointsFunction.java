package io.ticketflow.point.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.point.domain.AccountBusy;
import io.ticketflow.point.domain.PointBook;
import io.ticketflow.point.domain.PointPolicy;
import java.util.function.Function;

/** Adds points to the caller's balance, once per request id. */
public final class ChargePointsFunction implements Function<ChargePoints, ChargeReceipt> {

    private final PointBook book;
    private final PointPolicy policy;

    public ChargePointsFunction(PointBook book, PointPolicy policy) {
        this.book = book;
        this.policy = policy;
    }

    @Override
    public ChargeReceipt apply(ChargePoints command) {
        policy.checkCharge(command.requestId(), command.amount());
        try {
            return ChargeReceipt.of(book.charge(command.userId(), command.requestId(), command.amount()));
        } catch (AccountBusy busy) {
            throw new ProblemException(ProblemTypes.CONFLICT, "the account is busy; retry with the same requestId");
        }
    }
}

package io.ticketflow.point.function;

import io.ticketflow.point.domain.PointAccount;
import io.ticketflow.point.domain.PointBook;
import java.util.function.Function;

/** The caller's balance: one strongly consistent read. */
public final class PointBalanceFunction implements Function<AccountQuery, PointBalance> {

    private final PointBook book;

    public PointBalanceFunction(PointBook book) {
        this.book = book;
    }

    @Override
    public PointBalance apply(AccountQuery query) {
        PointAccount account = book.account(query.userId());
        return new PointBalance(account.userId(), account.balance());
    }
}

package io.ticketflow.point.function;

import io.ticketflow.point.domain.LedgerPage;
import io.ticketflow.point.domain.PointBook;
import java.util.function.Function;

/**
 * A page of the caller's ledger, newest first: one bounded Query of the ledger index however long the ledger grows,
 * and the balance from the account.
 */
public final class PointHistoryFunction implements Function<HistoryQuery, PointHistory> {

    private final PointBook book;

    public PointHistoryFunction(PointBook book) {
        this.book = book;
    }

    @Override
    public PointHistory apply(HistoryQuery query) {
        LedgerPage page = book.ledgerPage(query.userId(), query.limit(), query.after());
        return PointHistory.of(query.userId(), book.account(query.userId()).balance(), page);
    }
}

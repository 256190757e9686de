package io.ticketflow.point.function;

import io.ticketflow.point.domain.PointBook;
import java.util.function.Function;

/**
 * The caller's ledger. A user's lines are one Query in their own partition; they are few (a top-up and a
 * line or two per booking), so the answer is the whole ledger rather than pages.
 */
public final class PointHistoryFunction implements Function<AccountQuery, PointHistory> {

    private final PointBook book;

    public PointHistoryFunction(PointBook book) {
        this.book = book;
    }

    @Override
    public PointHistory apply(AccountQuery query) {
        return PointHistory.of(query.userId(), book.ledger(query.userId()));
    }
}

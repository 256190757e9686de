package io.ticketflow.point.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketflow.point.domain.LedgerEntry;
import io.ticketflow.point.domain.LedgerPage;
import java.time.Instant;
import java.util.List;

/**
 * A page of a user's ledger, newest line first, and the balance now.
 *
 * @param nextToken pass it back as {@code nextToken} for the older lines; absent on the page with the oldest line
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointHistory(String userId, long balance, List<Line> entries, String nextToken) {

    /** One ledger line as the user sees it; {@code balance} is the balance right after it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String operationId, String type, long amount, long balance, String reservationId, Instant at) {

        static Line of(LedgerEntry entry) {
            return new Line(entry.operationId(), entry.kind().name(), entry.amount(), entry.balanceAfter(),
                    entry.reservationId(), entry.at());
        }
    }

    static PointHistory of(String userId, long balance, LedgerPage page) {
        return new PointHistory(userId, balance, page.newestFirst().stream().map(Line::of).toList(),
                page.next() == null ? null : HistoryQuery.encode(page.next()));
    }
}

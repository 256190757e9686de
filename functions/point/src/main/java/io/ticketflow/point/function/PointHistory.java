package io.ticketflow.point.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketflow.point.domain.Ledger;
import io.ticketflow.point.domain.LedgerEntry;
import java.time.Instant;
import java.util.List;

/** A user's ledger, newest line first, and the balance it folds to. */
public record PointHistory(String userId, long balance, List<Line> entries) {

    /** One ledger line as the user sees it; {@code balance} is the balance right after it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String operationId, String type, long amount, long balance, String reservationId, Instant at) {

        static Line of(LedgerEntry entry) {
            return new Line(entry.operationId(), entry.kind().name(), entry.amount(), entry.balanceAfter(),
                    entry.reservationId(), entry.at());
        }
    }

    static PointHistory of(String userId, Ledger ledger) {
        return new PointHistory(userId, ledger.balance(), ledger.newestFirst().stream().map(Line::of).toList());
    }
}

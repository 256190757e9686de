package io.ticketflow.point.domain;

import java.util.List;
import java.util.Optional;

/** Where accounts and ledgers live. Every write is one transaction with its event. */
public interface PointRepository {

    /** Strongly consistent; empty for a user who never had points. */
    Optional<PointAccount> account(String userId);

    /** Strongly consistent. */
    Optional<LedgerEntry> entry(String userId, String operationId);

    /** Every line of the user's ledger. */
    Ledger ledger(String userId);

    /**
     * Up to {@code limit} lines, newest first, after {@code after} (null: from the newest). Read from an index, so a
     * line written a moment ago may show on the next read only.
     */
    LedgerPage ledgerPage(String userId, int limit, LedgerPage.Cursor after);

    /**
     * Writes the ledger line (only if its operation id has none yet), the account (only if still at the version
     * read; for a line that lowers it also only if its balance covers the amount) and the operation's event, all or
     * nothing. A {@link LedgerKind#fenceable() fenceable} operation (a deduction, an earning) also fails when its
     * operation id is fenced ({@link #fence}).
     *
     * @throws PostingConflict naming the first condition that failed
     */
    void post(Posting posting);

    /**
     * Records that the reservation's operation (its deduction, its earning) will never be undone because none
     * exists, so that one still on its way (a timed-out call the orchestrator gave up on) cannot land afterwards.
     * Idempotent.
     *
     * @throws PostingConflict {@code OPERATION_EXISTS} when the operation exists after all
     */
    void fence(String userId, String reservationId, String operationId);
}

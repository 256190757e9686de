package io.ticketflow.point.domain;

import java.util.List;
import java.util.Objects;

/**
 * Some of a user's ledger lines, newest first.
 *
 * @param next where the next page starts; null when this page holds the oldest line
 */
public record LedgerPage(List<LedgerEntry> newestFirst, Cursor next) {

    /** The most lines one page holds: a page stays one small Query however long the ledger grows. */
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 50;

    public LedgerPage {
        newestFirst = List.copyOf(newestFirst);
    }

    /**
     * The position after a line: its version (the ledger's order) and operation id (its key).
     *
     * @param version a line's version, 1 or more
     */
    public record Cursor(long version, String operationId) {

        public Cursor {
            Objects.requireNonNull(operationId, "operationId");
            if (version < 1 || operationId.isEmpty()) {
                throw new IllegalArgumentException("not a ledger position: " + version + " " + operationId);
            }
        }
    }
}

package io.ticketflow.point.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a user's ledger: one operation, recorded once under its operation id.
 *
 * @param balanceAfter  the balance right after this operation
 * @param version       the account's version this operation produced: 1 for the first line, +1 per line
 * @param reservationId the reservation a deduction, refund, earning or its reversal belongs to; null for charges
 * @param cardAmount    for an earning and its reversal, the card payment the points were earned on; else null
 */
public record LedgerEntry(String userId, String operationId, LedgerKind kind, long amount, long balanceAfter,
                          long version, String reservationId, Instant at, Long cardAmount) {

    public LedgerEntry(String userId, String operationId, LedgerKind kind, long amount, long balanceAfter,
                       long version, String reservationId, Instant at) {
        this(userId, operationId, kind, amount, balanceAfter, version, reservationId, at, null);
    }

    public LedgerEntry {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (amount <= 0) {
            throw new IllegalArgumentException("a ledger amount is positive, was " + amount);
        }
        if (balanceAfter < 0) {
            throw new IllegalArgumentException("a balance is never negative, was " + balanceAfter);
        }
        if (version < 1) {
            throw new IllegalArgumentException("a ledger line's version starts at 1, was " + version);
        }
    }

    /** The change to the balance: negative for a deduction. */
    public long signedAmount() {
        return kind.signed(amount);
    }
}

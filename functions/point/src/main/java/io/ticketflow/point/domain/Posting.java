package io.ticketflow.point.domain;

/** One operation about to be written: the account as read, the account after it, and its ledger line. */
public record Posting(PointAccount before, PointAccount after, LedgerEntry entry) {

    public Posting {
        if (after.version() != before.version() + 1 || entry.version() != after.version()
                || entry.balanceAfter() != after.balance()
                || after.balance() - before.balance() != entry.signedAmount()) {
            throw new IllegalArgumentException("inconsistent posting " + before + " -> " + after + " by " + entry);
        }
    }
}

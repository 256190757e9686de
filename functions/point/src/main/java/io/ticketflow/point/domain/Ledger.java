package io.ticketflow.point.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** A user's ledger lines; the balance is their fold, and that is what the tests hold the stored balance to. */
public record Ledger(List<LedgerEntry> entries) {

    public Ledger {
        entries = entries.stream().sorted(Comparator.comparingLong(LedgerEntry::version)).toList();
    }

    /** Σ of the signed amounts, applied in version order; fails if any prefix would go below zero. */
    public long balance() {
        long balance = 0;
        for (LedgerEntry entry : entries) {
            balance += entry.signedAmount();
            if (balance < 0) {
                throw new IllegalStateException("ledger goes negative at version " + entry.version());
            }
        }
        return balance;
    }

    /** True when every line's recorded balance is the running fold and the versions run 1, 2, 3, ... */
    public boolean isConsistent() {
        long balance = 0;
        long version = 0;
        for (LedgerEntry entry : entries) {
            balance += entry.signedAmount();
            version++;
            if (entry.version() != version || entry.balanceAfter() != balance || balance < 0) {
                return false;
            }
        }
        return true;
    }

    /** Newest first, as a user reads a statement. */
    public List<LedgerEntry> newestFirst() {
        List<LedgerEntry> newestFirst = new ArrayList<>(entries);
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }
}

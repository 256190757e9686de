package io.ticketflow.point.domain;

/** What a ledger line did to the balance; its amount is always positive, the kind gives the direction. */
public enum LedgerKind {
    CHARGED(1, false),
    DEDUCTED(-1, true),
    REFUNDED(1, false),
    /** Points a booking earned on its card payment. */
    EARNED(1, true),
    /** The booking's earned points taken back when it was cancelled. */
    EARNING_REVERSED(-1, false);

    private final int sign;
    private final boolean fenceable;

    LedgerKind(int sign, boolean fenceable) {
        this.sign = sign;
        this.fenceable = fenceable;
    }

    /**
     * A saga's forward operation whose undoing may find it missing (a timed-out call that may still land) and then
     * fences it out: such a line is written only while its operation id is not fenced.
     */
    public boolean fenceable() {
        return fenceable;
    }

    public long signed(long amount) {
        return sign * amount;
    }
}

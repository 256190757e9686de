package io.ticketflow.point.domain;

/** What a ledger line did to the balance; its amount is always positive, the kind gives the direction. */
public enum LedgerKind {
    CHARGED(1),
    DEDUCTED(-1),
    REFUNDED(1),
    /** Points a booking earned on its card payment. */
    EARNED(1),
    /** The booking's earned points taken back when it was cancelled. */
    EARNING_REVERSED(-1);

    private final int sign;

    LedgerKind(int sign) {
        this.sign = sign;
    }

    public long signed(long amount) {
        return sign * amount;
    }
}

package io.ticketflow.point.domain;

/** A write the repository refused because of what another writer did first; nothing of it was stored. */
public final class PostingConflict extends RuntimeException {

    public enum Reason {
        /** The operation id already has a ledger line: the operation happened. */
        OPERATION_EXISTS,
        /** The account moved on since it was read. */
        ACCOUNT_CHANGED,
        /**
         * The undoing of this operation already ran finding nothing to undo (a refund no deduction, a take-back no
         * earning): the late operation must not land.
         */
        RESERVATION_FENCED
    }

    private final Reason reason;

    public PostingConflict(Reason reason, Throwable cause) {
        super(reason.name(), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

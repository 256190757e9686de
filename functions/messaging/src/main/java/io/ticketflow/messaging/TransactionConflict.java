package io.ticketflow.messaging;

import java.util.List;

/**
 * A condition of a transaction failed, so nothing of it was written. The indexes say which items' conditions
 * failed, counted in the order the items were given (for {@link OutboxWriter}: state changes first, then events).
 */
public final class TransactionConflict extends RuntimeException {

    private final List<Integer> failedItemIndexes;

    public TransactionConflict(List<Integer> failedItemIndexes, Throwable cause) {
        super("transaction cancelled: condition failed on item(s) " + failedItemIndexes, cause);
        this.failedItemIndexes = List.copyOf(failedItemIndexes);
    }

    public List<Integer> failedItemIndexes() {
        return failedItemIndexes;
    }
}

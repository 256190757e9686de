package io.ticketflow.messaging;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Why DynamoDB cancelled a {@code TransactWriteItems}, read from its cancellation reasons: the one place that
 * decides whether a cancellation is an answer (a condition failed), a race to try again (another transaction
 * held an item), capacity to wait for (throttling), or a fault (validation, item size, ...) that must surface.
 */
public final class Cancellations {

    static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final Set<String> THROTTLING = Set.of("ThrottlingError", "ProvisionedThroughputExceeded");

    /** What a cancellation means to the writer, most telling first when items failed for different reasons. */
    public enum Cause {
        /** An item's condition failed: nothing was written, and the data say why. */
        CONDITION_FAILED,
        /** Another transaction was changing an item at the same moment: a race; reading again and retrying may win. */
        CONTENDED,
        /** DynamoDB had no capacity for an item: the same write may go through after a wait. */
        THROTTLED,
        /** Anything else (validation, item too large, ...): a fault of ours, never to be read as contention. */
        OTHER
    }

    private Cancellations() {
    }

    public static Cause causeOf(TransactionCanceledException cancelled) {
        List<String> codes = reasons(cancelled).stream().map(CancellationReason::code).toList();
        if (codes.contains(CONDITIONAL_CHECK_FAILED)) {
            return Cause.CONDITION_FAILED;
        }
        if (codes.contains(TRANSACTION_CONFLICT)) {
            return Cause.CONTENDED;
        }
        if (codes.stream().anyMatch(THROTTLING::contains)) {
            return Cause.THROTTLED;
        }
        return Cause.OTHER;
    }

    /**
     * For a writer that handles contention itself: returns normally only when {@code cancelled} was contended.
     *
     * @throws TransactionCanceledException {@code cancelled} itself, for any other cause
     */
    public static void rethrowUnlessContended(TransactionCanceledException cancelled) {
        if (causeOf(cancelled) != Cause.CONTENDED) {
            throw cancelled;
        }
    }

    /** Indexes of the items whose condition failed; empty when the cancellation had another cause. */
    static List<Integer> conditionFailures(TransactionCanceledException cancelled) {
        return indexesOf(cancelled, CONDITIONAL_CHECK_FAILED);
    }

    /** Indexes of the items another transaction was changing at the same moment. */
    public static List<Integer> contendedItems(TransactionCanceledException cancelled) {
        return indexesOf(cancelled, TRANSACTION_CONFLICT);
    }

    private static List<Integer> indexesOf(TransactionCanceledException cancelled, String code) {
        List<CancellationReason> reasons = reasons(cancelled);
        return IntStream.range(0, reasons.size())
                .filter(i -> code.equals(reasons.get(i).code()))
                .boxed()
                .toList();
    }

    private static List<CancellationReason> reasons(TransactionCanceledException cancelled) {
        return cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
    }
}

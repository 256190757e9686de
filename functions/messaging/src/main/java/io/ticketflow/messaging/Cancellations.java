package io.ticketflow.messaging;

import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reads which items of a cancelled {@code TransactWriteItems} failed their condition. */
final class Cancellations {

    static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private Cancellations() {
    }

    /** Indexes of the items whose condition failed; empty when the cancellation had another cause (conflict, throttling). */
    static List<Integer> conditionFailures(TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
        return IntStream.range(0, reasons.size())
                .filter(i -> CONDITIONAL_CHECK_FAILED.equals(reasons.get(i).code()))
                .boxed()
                .toList();
    }
}

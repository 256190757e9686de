package io.ticketflow.local.stepfunctions;

import java.util.concurrent.CompletableFuture;

/**
 * Tells a line of work (an execution, a Parallel branch, a Map iteration) to stop. A child is cancelled with its
 * parent; cancelling a child (a sibling branch failed) leaves the parent running.
 */
final class Cancellation {

    private final CompletableFuture<String> signal = new CompletableFuture<>();

    Cancellation child() {
        Cancellation child = new Cancellation();
        signal.thenAccept(child::cancel);
        return child;
    }

    void cancel(String reason) {
        signal.complete(reason);
    }

    boolean isCancelled() {
        return signal.isDone();
    }

    CompletableFuture<String> signal() {
        return signal;
    }

    /** @throws ExecutionAborted when cancelled */
    void throwIfCancelled() {
        if (signal.isDone()) {
            throw new ExecutionAborted(signal.join());
        }
    }
}

package io.ticketflow.local.stepfunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Blocking waits of execution threads, all of which give way to cancellation. */
final class Waits {

    private Waits() {
    }

    /**
     * Blocks until one of the futures (nulls ignored) completes, normally or not.
     *
     * @throws ExecutionAborted when the work is cancelled first, or the thread is interrupted
     */
    static void awaitAny(Cancellation cancellation, CompletableFuture<?>... futures) {
        List<CompletableFuture<?>> watched = new ArrayList<>();
        watched.add(cancellation.signal());
        for (CompletableFuture<?> future : futures) {
            if (future != null) {
                watched.add(future);
            }
        }
        try {
            CompletableFuture.anyOf(watched.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException | CancellationException outcomeNotValue) {
            // a future that failed has completed, which is all this wait is about
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionAborted("interrupted");
        }
        cancellation.throwIfCancelled();
    }

    /** Whether a timer completed by firing, not by being cancelled. */
    static boolean fired(CompletableFuture<?> timer) {
        return timer != null && timer.isDone() && !timer.isCompletedExceptionally();
    }
}

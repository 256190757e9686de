package io.ticketflow.local.stepfunctions;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Real time; one daemon thread fires all timers. */
final class SystemTimeSource implements TimeSource {

    static final SystemTimeSource INSTANCE = new SystemTimeSource();

    private final ScheduledThreadPoolExecutor scheduler;

    private SystemTimeSource() {
        scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sfn-emulator-timer");
            thread.setDaemon(true);
            return thread;
        });
        // Tasks default to a 99999999 s timeout: cancelled timers must not stay queued.
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public CompletableFuture<Void> at(Instant deadline) {
        long millis = Duration.between(Instant.now(), deadline).toMillis();
        if (millis <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> timer = new CompletableFuture<>();
        ScheduledFuture<?> scheduled = scheduler.schedule(() -> timer.complete(null), millis, TimeUnit.MILLISECONDS);
        timer.whenComplete((ignored, failure) -> {
            if (timer.isCancelled()) {
                scheduled.cancel(false);
            }
        });
        return timer;
    }
}

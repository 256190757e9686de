package io.ticketflow.local.stepfunctions;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The emulator's clock and timers: Wait states, retry intervals, task timeouts and heartbeats all wait on it, and
 * history timestamps come from it. {@link #system()} is real time; {@link ManualTimeSource} lets tests move time.
 */
public interface TimeSource {

    Instant now();

    /**
     * A future that completes once {@link #now()} reaches {@code deadline}, at once if it already has. The
     * emulator cancels the future when it stops waiting, which lets the source forget the timer.
     */
    CompletableFuture<Void> at(Instant deadline);

    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}

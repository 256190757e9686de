package io.ticketflow.local.stepfunctions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * A clock that moves only when told to, for tests of Wait states, retry back-off and task timeouts without real
 * waiting. Timers fire when {@link #advance(Duration)} passes their deadline.
 */
public final class ManualTimeSource implements TimeSource {

    private record Timer(Instant deadline, CompletableFuture<Void> future) {
    }

    private final List<Timer> timers = new ArrayList<>();
    private Instant now;

    public ManualTimeSource(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public CompletableFuture<Void> at(Instant deadline) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        Timer timer = new Timer(deadline, future);
        synchronized (this) {
            if (!deadline.isAfter(now)) {
                return CompletableFuture.completedFuture(null);
            }
            timers.add(timer);
            notifyAll();
        }
        future.whenComplete((ignored, failure) -> {
            synchronized (this) {
                timers.remove(timer);
            }
        });
        return future;
    }

    /** Moves the clock forward and fires every timer that is now due. */
    public void advance(Duration duration) {
        List<Timer> due = new ArrayList<>();
        synchronized (this) {
            now = now.plus(duration);
            timers.stream().filter(timer -> !timer.deadline().isAfter(now)).forEach(due::add);
            timers.removeAll(due);
        }
        due.forEach(timer -> timer.future().complete(null));
    }

    /**
     * Waits (in real time, at most {@code realTimeout}) until something waits on a timer, then moves the clock to
     * the earliest deadline and fires it.
     *
     * @return how far the clock moved, i.e. how long the emulator asked to wait
     */
    public Duration advanceToNextTimer(Duration realTimeout) throws TimeoutException, InterruptedException {
        Duration step;
        synchronized (this) {
            long giveUp = System.nanoTime() + realTimeout.toNanos();
            while (timers.isEmpty()) {
                long left = giveUp - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("nothing waited on a timer within " + realTimeout);
                }
                wait(Math.max(1, left / 1_000_000));
            }
            Instant next = timers.stream().map(Timer::deadline).min(Comparator.naturalOrder()).orElseThrow();
            step = Duration.between(now, next);
        }
        advance(step);
        return step;
    }

    public synchronized int pendingTimers() {
        return timers.size();
    }
}

package io.ticketflow.kernel.aws;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before repeating work that AWS asked us to repeat (throttling, unprocessed keys): exponential
 * backoff with full jitter, so instances that were refused together do not come back together, and a bounded
 * number of attempts, so a caller is answered instead of waiting out a long throttle.
 */
public final class Backoff {

    /** Sleeps; tests pass one that only records. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final int DEFAULT_ATTEMPTS = 5;
    static final Duration DEFAULT_BASE = Duration.ofMillis(25);
    static final Duration DEFAULT_CAP = Duration.ofSeconds(1);

    private final int attempts;
    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;
    private final Sleeper sleeper;

    /**
     * @param attempts how often the work is tried in all, the first time included (at least 1)
     * @param random   uniform in [0, 1): the jitter
     */
    public Backoff(int attempts, Duration base, Duration cap, DoubleSupplier random, Sleeper sleeper) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, was " + attempts);
        }
        this.attempts = attempts;
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Five attempts, waits of up to 25, 50, 100 and 200 ms in between: at most about 0.4 s in all. */
    public static Backoff standard() {
        return new Backoff(DEFAULT_ATTEMPTS, DEFAULT_BASE, DEFAULT_CAP, () -> ThreadLocalRandom.current().nextDouble(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    public int attempts() {
        return attempts;
    }

    /** Whether another attempt may follow attempt number {@code attempt} (counted from 1). */
    public boolean allowsAfter(int attempt) {
        return attempt < attempts;
    }

    /**
     * Waits before the attempt after number {@code attempt}: a random time below min(cap, base × 2^(attempt − 1)).
     *
     * @throws IllegalStateException when the thread is interrupted meanwhile (it stays interrupted): the work ends
     */
    public void pauseAfter(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 30));
        try {
            sleeper.sleep(Duration.ofMillis((long) (random.getAsDouble() * ceiling)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", interrupted);
        }
    }
}

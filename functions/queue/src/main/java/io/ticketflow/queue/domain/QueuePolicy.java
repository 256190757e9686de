package io.ticketflow.queue.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How fast the queue moves: each activation tick admits up to {@code batchSize} tokens, never letting more
 * than {@code maxActive} be active at once; an admission lasts {@code activeWindow}.
 *
 * @param tickInterval how often the activation runs (the schedule's rate): the unit of the ETA
 */
public record QueuePolicy(int batchSize, int maxActive, Duration activeWindow, Duration tickInterval) {

    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int DEFAULT_MAX_ACTIVE = 1000;
    public static final Duration DEFAULT_ACTIVE_WINDOW = Duration.ofSeconds(300);

    public QueuePolicy {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        if (maxActive < 1) {
            throw new IllegalArgumentException("maxActive must be >= 1, was " + maxActive);
        }
        Objects.requireNonNull(activeWindow, "activeWindow");
        Objects.requireNonNull(tickInterval, "tickInterval");
        if (activeWindow.isNegative() || activeWindow.isZero() || tickInterval.isNegative() || tickInterval.isZero()) {
            throw new IllegalArgumentException("activeWindow and tickInterval must be positive");
        }
    }

    /** Seconds until a token at {@code position} is likely admitted: one batch per tick, ignoring the active bound. */
    public long etaSeconds(long position) {
        if (position <= 0) {
            return 0;
        }
        long ticks = (position + batchSize - 1) / batchSize;
        return ticks * tickInterval.toSeconds();
    }

    /** How many seqs the next tick may move the watermark by: a batch, bounded by free active places and by who waits. */
    public int admissibleNow(QueueCounter counter) {
        long freePlaces = Math.max(0, maxActive - counter.activeCount());
        return (int) Math.min(batchSize, Math.min(freePlaces, counter.waiting()));
    }

    /**
     * Plans the next tick for one queue.
     *
     * @param tokensBySeq the tokens stored at seqs {@code activated + 1 ..} {@code activated + admissibleNow};
     *                    a seq with no token is absent (its enter failed, or is still in flight)
     */
    public ActivationPlan plan(QueueCounter counter, Map<Long, QueueToken> tokensBySeq, Instant now) {
        int count = admissibleNow(counter);
        // millisecond precision: what the store keeps and the events carry must be the same instant
        Instant activeUntil = now.plus(activeWindow).truncatedTo(ChronoUnit.MILLIS);
        List<ActivationPlan.Step> steps = new ArrayList<>(count);
        for (long seq = counter.activated() + 1; seq <= counter.activated() + count; seq++) {
            QueueToken token = tokensBySeq.get(seq);
            if (token == null) {
                steps.add(new ActivationPlan.Burn(seq));
            } else if (token.status() == TokenStatus.WAITING) {
                steps.add(new ActivationPlan.Activate(token, token.activate(activeUntil)));
            } else {
                steps.add(new ActivationPlan.Pass(token));
            }
        }
        return new ActivationPlan(counter.concertId(), counter.activated(), maxActive, steps);
    }
}

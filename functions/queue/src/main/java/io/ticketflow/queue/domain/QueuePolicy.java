package io.ticketflow.queue.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
    static final long MAX_POLL_AFTER_SECONDS = 60;

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

    /**
     * How long a waiting client should wait before asking again: a position moves only when a tick runs, so never
     * less than the tick; further back, up to a minute (a quarter of the wait), so a long line is not a refresh storm.
     */
    public long pollAfterSeconds(long position) {
        long tick = tickInterval.toSeconds();
        return Math.max(tick, Math.min(etaSeconds(position) / 4, Math.max(tick, MAX_POLL_AFTER_SECONDS)));
    }

    /** How many seqs the next tick may move the watermark by: a batch, bounded by free active places and by who waits. */
    public int admissibleNow(QueueCounter counter) {
        return admissibleNow(counter, 0);
    }

    /**
     * As {@link #admissibleNow(QueueCounter)} when this tick already re-admitted {@code readmitted} restored tokens
     * (they count against the batch; {@code counter} is read after them, so its active count includes them).
     * Nothing while restored tokens still wait: they go first.
     */
    public int admissibleNow(QueueCounter counter, int readmitted) {
        if (!counter.restored().isEmpty()) {
            return 0;
        }
        long freePlaces = Math.max(0, maxActive - counter.activeCount());
        long batchLeft = Math.max(0, batchSize - readmitted);
        return (int) Math.min(batchLeft, Math.min(freePlaces, counter.waiting()));
    }

    /**
     * Plans the re-admission of the counter's restored tokens, which goes before any move of the watermark:
     * in seq order, up to a batch and the free active places. A restored token that no longer waits (or is
     * gone) is dropped from the set without an admission.
     *
     * @param restoredTokens the tokens named by {@link QueueCounter#restored()}, by token; missing ones are absent
     */
    public ReadmissionPlan readmissions(QueueCounter counter, Map<String, QueueToken> restoredTokens, Instant now) {
        long places = Math.min(batchSize, Math.max(0, maxActive - counter.activeCount()));
        Instant activeUntil = now.plus(activeWindow).truncatedTo(ChronoUnit.MILLIS);
        List<ActivationPlan.Activate> admissions = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<String> ids = counter.restored().stream()
                .sorted(Comparator.comparingLong((String id) -> restoredTokens.containsKey(id) ? restoredTokens.get(id).seq() : 0)
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (String id : ids) {
            QueueToken token = restoredTokens.get(id);
            if (token == null || token.status() != TokenStatus.WAITING) {
                dropped.add(id);
            } else if (admissions.size() < places) {
                admissions.add(new ActivationPlan.Activate(token, token.activate(activeUntil)));
            }
        }
        return new ReadmissionPlan(counter.concertId(), maxActive, admissions, dropped);
    }

    /**
     * Plans the next tick for one queue.
     *
     * @param tokensBySeq the tokens stored at seqs {@code activated + 1 ..} {@code activated + admissibleNow};
     *                    a seq with no token is absent (its enter failed, or is still in flight)
     */
    public ActivationPlan plan(QueueCounter counter, Map<Long, QueueToken> tokensBySeq, Instant now) {
        return plan(counter, tokensBySeq, now, 0);
    }

    /** As {@link #plan(QueueCounter, Map, Instant)} after {@code readmitted} re-admissions in the same tick. */
    public ActivationPlan plan(QueueCounter counter, Map<Long, QueueToken> tokensBySeq, Instant now, int readmitted) {
        int count = admissibleNow(counter, readmitted);
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

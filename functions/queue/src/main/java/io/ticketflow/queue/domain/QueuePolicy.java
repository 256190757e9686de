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
 * @param abandonAfter a WAITING token whose user has not polled for this long is passed over by the activation
 * @param abandonGrace how long a passed-over token keeps its place for its user to come back
 */
public record QueuePolicy(int batchSize, int maxActive, Duration activeWindow, Duration tickInterval,
                          Duration abandonAfter, Duration abandonGrace) {

    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int DEFAULT_MAX_ACTIVE = 1000;
    public static final Duration DEFAULT_ACTIVE_WINDOW = Duration.ofSeconds(300);
    public static final Duration DEFAULT_ABANDON_AFTER = Duration.ofMinutes(2);
    /** As Cloudflare's waiting room: a user who comes back within 5 minutes finds their place. */
    public static final Duration DEFAULT_ABANDON_GRACE = Duration.ofMinutes(5);
    /** Polls the status answer asks for within {@link #abandonAfter}: one late or lost poll does not cost the place. */
    static final int POLLS_PER_ABANDON_PERIOD = 3;

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
        Objects.requireNonNull(abandonAfter, "abandonAfter");
        Objects.requireNonNull(abandonGrace, "abandonGrace");
        if (abandonAfter.isNegative() || abandonAfter.isZero() || abandonGrace.isNegative()) {
            throw new IllegalArgumentException("abandonAfter must be positive and abandonGrace not negative");
        }
    }

    public QueuePolicy(int batchSize, int maxActive, Duration activeWindow, Duration tickInterval) {
        this(batchSize, maxActive, activeWindow, tickInterval, DEFAULT_ABANDON_AFTER, DEFAULT_ABANDON_GRACE);
    }

    /**
     * Seconds until a token at {@code position} is likely admitted: the people ahead divided by the rate the ticks
     * measured; before any tick measured one, one batch per tick.
     */
    public long etaSeconds(long position, ActivationRate rate) {
        if (position <= 0) {
            return 0;
        }
        if (rate.measured()) {
            return (long) Math.ceil(position / rate.perSecond());
        }
        long ticks = (position + batchSize - 1) / batchSize;
        return ticks * tickInterval.toSeconds();
    }

    /** {@link #etaSeconds(long, ActivationRate)} before any rate was measured. */
    public long etaSeconds(long position) {
        return etaSeconds(position, ActivationRate.UNMEASURED);
    }

    /**
     * When a waiting user should ask for their own status again: no sooner than a tick (nothing changes faster),
     * around half the expected wait, and often enough that polling as advised never counts as abandoning.
     */
    public long pollAfterSeconds(long etaSeconds) {
        long tick = Math.max(1, tickInterval.toSeconds());
        long keepPlace = Math.max(1, abandonAfter.toSeconds() / POLLS_PER_ABANDON_PERIOD);
        return Math.max(1, Math.min(keepPlace, Math.max(tick, etaSeconds / 2)));
    }

    /** Whether a poll should record that its user is still there: the last record is a poll period old. */
    public boolean seenLongAgo(QueueToken token, Instant now) {
        long keepPlace = Math.max(1, abandonAfter.toSeconds() / POLLS_PER_ABANDON_PERIOD);
        return token.lastSeenAt() == null || !token.lastSeenAt().plusSeconds(keepPlace).isAfter(now);
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
     * How many places after the watermark the next tick reads: the admissible count and as many again, so that
     * passing over abandoned tokens and empty seqs does not leave admissions unused. Nothing before the opening.
     */
    public int placesToRead(QueueCounter counter, int readmitted) {
        if (counter.beforeOpening()) {
            return 0;
        }
        int admissible = admissibleNow(counter, readmitted);
        return (int) Math.min(counter.waiting(), 2L * admissible);
    }

    /** The seqs at places {@code activated + 1 ..} {@code activated + places}: what {@link #plan} needs read. */
    public List<Long> seqsToRead(QueueCounter counter, int places) {
        List<Long> seqs = new ArrayList<>(places);
        for (long place = counter.activated() + 1; place <= counter.activated() + places; place++) {
            seqs.add(counter.seqAt(place));
        }
        return seqs;
    }

    /**
     * Plans the next tick for one queue.
     *
     * @param tokensBySeq the tokens stored at the seqs of places {@code activated + 1 ..}; a seq with no token is
     *                    absent (its enter failed, or is still in flight)
     */
    public ActivationPlan plan(QueueCounter counter, Map<Long, QueueToken> tokensBySeq, Instant now) {
        return plan(counter, tokensBySeq, now, 0, admissibleNow(counter));
    }

    /** As {@link #plan(QueueCounter, Map, Instant)} after {@code readmitted} re-admissions, reading no places ahead. */
    public ActivationPlan plan(QueueCounter counter, Map<Long, QueueToken> tokensBySeq, Instant now, int readmitted) {
        return plan(counter, tokensBySeq, now, readmitted, admissibleNow(counter, readmitted));
    }

    /**
     * As {@link #plan(QueueCounter, Map, Instant)} after {@code readmitted} re-admissions in the same tick. Walks
     * the places in order until it has admitted what it may or has no more places read ({@code places}): an
     * abandoned token or an empty seq is passed over without using an admission, so no slot goes to someone who
     * left. Nothing while the queue waits for its opening.
     */
    public ActivationPlan plan(QueueCounter counter, Map<Long, QueueToken> tokensBySeq, Instant now, int readmitted,
                               int places) {
        int admissible = counter.beforeOpening() ? 0 : admissibleNow(counter, readmitted);
        // millisecond precision: what the store keeps and the events carry must be the same instant
        Instant activeUntil = now.plus(activeWindow).truncatedTo(ChronoUnit.MILLIS);
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        List<ActivationPlan.Step> steps = new ArrayList<>();
        int admitted = 0;
        long last = Math.min(counter.activated() + places, counter.activated() + counter.waiting());
        for (long place = counter.activated() + 1; place <= last && admitted < admissible; place++) {
            long seq = counter.seqAt(place);
            QueueToken token = tokensBySeq.get(seq);
            if (token == null) {
                steps.add(new ActivationPlan.Burn(seq));
            } else if (token.status() != TokenStatus.WAITING || token.abandonedAt() != null) {
                steps.add(new ActivationPlan.Pass(token));
            } else if (token.stoppedPollingBy(now, abandonAfter)) {
                steps.add(new ActivationPlan.Abandon(token, token.abandon(at)));
            } else {
                steps.add(new ActivationPlan.Activate(token, token.activate(activeUntil)));
                admitted++;
            }
        }
        return new ActivationPlan(counter.concertId(), counter.activated(), maxActive, steps, counter.lottery());
    }
}

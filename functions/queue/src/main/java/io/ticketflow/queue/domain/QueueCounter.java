package io.ticketflow.queue.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The one item per open queue that makes positions cheap to compute.
 *
 * @param issued      highest seq handed out so far, as far as the read knows: only {@link QueueArrivals} reads
 *                    every counter shard
 * @param activated   the watermark: every place up to it has been admitted or passed over (a place is the seq, or
 *                    for the pre-queue the seq the lottery put there: {@link #seqAt})
 * @param activeCount tokens currently ACTIVE (bounded by {@link QueuePolicy#maxActive()})
 * @param restored    tokens put back to WAITING behind the watermark (a failed payment): the activation
 *                    re-admits them before it moves the watermark, since they were admitted before
 * @param closed      an operator closed the queue: it takes no new entries and admits no one until reopened
 * @param opensAt     when the queue opens; tokens issued before the lottery is drawn wait in a pre-queue without a
 *                    position. Null for a queue that was open (FIFO) from the start
 * @param lottery     the pre-queue's order, once drawn at the opening; null before, and for a queue without opensAt
 * @param rate        the activation rate the ticks measured
 */
public record QueueCounter(String concertId, long issued, long activated, long activeCount, Set<String> restored,
                           boolean closed, Instant opensAt, LotteryDraw lottery, ActivationRate rate) {

    public QueueCounter {
        Objects.requireNonNull(concertId, "concertId");
        if (issued < 0 || activated < 0 || activeCount < 0) {
            throw new IllegalArgumentException("counter values cannot be negative: " + issued + "/" + activated + "/" + activeCount);
        }
        restored = restored == null ? Set.of() : Set.copyOf(restored);
        rate = rate == null ? ActivationRate.UNMEASURED : rate;
    }

    public QueueCounter(String concertId, long issued, long activated, long activeCount, Set<String> restored,
                        boolean closed) {
        this(concertId, issued, activated, activeCount, restored, closed, null, null, ActivationRate.UNMEASURED);
    }

    public QueueCounter(String concertId, long issued, long activated, long activeCount, Set<String> restored) {
        this(concertId, issued, activated, activeCount, restored, false);
    }

    public QueueCounter(String concertId, long issued, long activated, long activeCount) {
        this(concertId, issued, activated, activeCount, Set.of());
    }

    public static QueueCounter opened(String concertId) {
        return new QueueCounter(concertId, 0, 0, 0);
    }

    public QueueCounter withIssued(long highestSeq) {
        return new QueueCounter(concertId, highestSeq, activated, activeCount, restored, closed, opensAt, lottery, rate);
    }

    /** Whether tokens still enter the pre-queue: an opening time is set and its lottery is not drawn yet. */
    public boolean beforeOpening() {
        return opensAt != null && lottery == null;
    }

    /** Whether the activation should draw the lottery now: the opening time has come and it was not drawn. */
    public boolean lotteryDue(Instant now) {
        return beforeOpening() && !now.isBefore(opensAt);
    }

    /** Seconds until the opening, rounded up; 0 once it has come. */
    public long opensInSeconds(Instant now) {
        if (opensAt == null || !now.isBefore(opensAt)) {
            return 0;
        }
        Duration left = Duration.between(now, opensAt);
        return left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    }

    /** The place of {@code seq} in admission order: the lottery's for the pre-queue, the seq itself after it. */
    public long placeOf(long seq) {
        return lottery == null ? seq : lottery.placeOf(seq);
    }

    /** The seq admitted at {@code place}: the inverse of {@link #placeOf}. */
    public long seqAt(long place) {
        return lottery == null ? place : lottery.seqAt(place);
    }

    /** Seqs issued but not yet reached by the watermark. */
    public long waiting() {
        return Math.max(0, issued - activated);
    }

    /**
     * How many places ahead of the token the queue still has to admit, counting the token itself; 0 once it
     * is no longer waiting. The token and this counter are two separate reads, so an activation can land
     * between them and leave the watermark at or past a token still read as WAITING: that token is next, so
     * its position is 1, never 0 or negative. A restored token is re-admitted first: its position is 1 too.
     */
    public long positionOf(QueueToken token) {
        if (token.status() != TokenStatus.WAITING) {
            return 0;
        }
        if (restored.contains(token.token())) {
            return 1;
        }
        return Math.max(1, placeOf(token.seq()) - activated);
    }

    /**
     * {@link #positionOf}, or empty while the token waits in the pre-queue: its place is drawn at the opening.
     * A pre-queue seq is one the lottery will cover; once drawn, every token has a position.
     */
    public OptionalLong knownPositionOf(QueueToken token) {
        if (beforeOpening() && token.status() == TokenStatus.WAITING && !restored.contains(token.token())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(positionOf(token));
    }
}

package io.ticketflow.queue.domain;

import java.util.Objects;
import java.util.Set;

/**
 * The one item per open queue that makes positions cheap to compute.
 *
 * @param issued      highest seq handed out so far, as far as the read knows: only {@link QueueArrivals} reads
 *                    every counter shard
 * @param activated   the watermark: every seq up to it has been admitted or passed over
 * @param activeCount tokens currently ACTIVE (bounded by {@link QueuePolicy#maxActive()})
 * @param restored    tokens put back to WAITING behind the watermark (a failed payment): the activation
 *                    re-admits them before it moves the watermark, since they were admitted before
 * @param closed      an operator closed the queue: it takes no new entries and admits no one until reopened
 */
public record QueueCounter(String concertId, long issued, long activated, long activeCount, Set<String> restored,
                           boolean closed) {

    public QueueCounter {
        Objects.requireNonNull(concertId, "concertId");
        if (issued < 0 || activated < 0 || activeCount < 0) {
            throw new IllegalArgumentException("counter values cannot be negative: " + issued + "/" + activated + "/" + activeCount);
        }
        restored = restored == null ? Set.of() : Set.copyOf(restored);
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
        return new QueueCounter(concertId, highestSeq, activated, activeCount, restored, closed);
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
        return Math.max(1, token.seq() - activated);
    }
}

package io.ticketflow.queue.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * Where queues and tokens live. Every state change of a token is stored together with its event, so the
 * other services' admission views see exactly what happened here.
 */
public interface QueueRepository {

    /**
     * Opens the concert's queue with its counter shards, or reopens a closed one where it stopped (its tokens
     * keep their places).
     *
     * @return false when it was open already (nothing changes then)
     */
    default boolean openQueue(String concertId) {
        return openQueue(concertId, null);
    }

    /**
     * As {@link #openQueue(String)}, with an opening time: until the activation draws the lottery at
     * {@code opensAt}, enters go to the pre-queue. Reopening a closed queue keeps the time it opened with.
     *
     * @param opensAt null to open it first come, first served at once
     */
    boolean openQueue(String concertId, Instant opensAt);

    /**
     * Records the pre-queue's order on the counter and every shard, with its QUEUE_LOTTERY_DRAWN event, once.
     *
     * @return false when a lottery was drawn already (nothing written then)
     */
    boolean drawLottery(String concertId, LotteryDraw draw);

    /** Keeps the activation rate the last tick measured on the counter. */
    void recordRate(String concertId, ActivationRate rate);

    /** Records that the token's user was there at {@code now} (no event: a poll changes no state). */
    void seen(QueueToken token, Instant now);

    /**
     * Puts an abandoned token back in line ({@link QueueToken#comeBack}): into the counter's restored set, which the
     * activation re-admits first, with its QUEUE_RESTORED event.
     *
     * @return false when the stored token changed meanwhile; nothing was written then
     */
    boolean comeBack(QueueToken back);

    /**
     * Expires an abandoned token whose grace period ended ({@link QueueToken#expireAbandoned}) with its QUEUE_EXPIRED
     * event (reason ABANDONED).
     *
     * @return false when the stored token changed meanwhile; nothing was written then
     */
    boolean expireAbandoned(QueueToken expired);

    /**
     * Closes the concert's queue: entering is refused and the activation admits no one until it is opened
     * again; tokens already ACTIVE keep their window, and it still expires.
     */
    CloseOutcome closeQueue(String concertId);

    enum CloseOutcome {
        CLOSED,
        /** It was closed already; nothing changed. */
        ALREADY_CLOSED,
        /** No queue was ever opened for the concert; nothing was written. */
        UNKNOWN_CONCERT
    }

    /** Concert ids of every open queue. */
    List<String> openQueues();

    /**
     * The counter in one read: watermark, active count, restored set and shards, all a position needs. Its
     * {@code issued} counts only the first shard's seqs; {@link #findArrivals} reads them all.
     */
    Optional<QueueCounter> findCounter(String concertId);

    /** The counter and every shard, its {@code issued} the highest seq handed out: what the activation plans with. */
    Optional<QueueArrivals> findArrivals(String concertId);

    Optional<QueueToken> findToken(String token);

    Optional<QueueToken> findTokenOfUser(String concertId, String userId);

    /**
     * Takes the next round of one of the queue's counter shards, atomically: a seq no other enter gets, without
     * every enter writing the same item.
     *
     * @return the counter as that shard sees it: {@code issued} is the new seq, {@code activated} the watermark
     *         as of the last activation; empty when the concert has no open queue (none, or a closed one), and then nothing
     *         was written
     */
    Optional<QueueCounter> reservePlace(String concertId);

    /** Stores a new waiting token, its user's pointer to it and its QUEUE_WAITING event, all or nothing. */
    InsertOutcome insertWaiting(QueueToken token);

    enum InsertOutcome {
        INSERTED,
        /** The user already holds a token for this concert; nothing was written. */
        USER_ALREADY_ENTERED,
        /** The activation fenced the token's seq off before it was stored; nothing was written. */
        SEQ_BURNED,
        /** A concurrent transaction held one of the items; nothing was written, trying again may succeed. */
        CONTENDED
    }

    /** The tokens stored at seqs {@code first..last} of the concert's queue, by seq; empty seqs are absent. */
    default Map<Long, QueueToken> tokensAt(String concertId, long first, long last) {
        return tokensAt(concertId, LongStream.rangeClosed(first, last).boxed().toList());
    }

    /** The tokens stored at the given seqs of the concert's queue, by seq; empty seqs are absent. */
    Map<Long, QueueToken> tokensAt(String concertId, List<Long> seqs);

    /**
     * Applies the plan in order, with each admission's QUEUE_ACTIVATED event and each abandonment's QUEUE_ABANDONED
     * event, and stops at the first part a
     * concurrent tick made stale (the watermark moved or the active bound would be crossed).
     *
     * @return the tokens admitted and the watermark reached
     */
    ActivationOutcome apply(ActivationPlan plan);

    /**
     * Brings shards up to the watermark ({@link QueueArrivals#levelling}), each unless an enter or a later tick
     * already moved it past: never lowers a shard's rounds or watermark.
     */
    void level(String concertId, List<ShardLevel> changes);

    /** The given tokens that exist, by token. */
    Map<String, QueueToken> tokens(Collection<String> tokens);

    /**
     * Re-admits restored tokens with their QUEUE_ACTIVATED events and removes them, and the dropped entries,
     * from the counter's restored set; written only if each admitted token is still restored and WAITING at
     * the version read and the active bound holds, else nothing of that part is written.
     *
     * @return the tokens admitted
     */
    List<QueueToken> readmit(ReadmissionPlan plan);

    /** Up to {@code limit} active tokens of the concert whose window ended before {@code now}. */
    List<QueueToken> activeTokensEndedBefore(String concertId, Instant now, int limit);

    /**
     * Expires the given tokens (each still ACTIVE with its window ended before {@code now}) with their
     * QUEUE_EXPIRED events, releasing their active places. A token changed meanwhile is left alone.
     *
     * @param expired the tokens' new state
     * @return the tokens expired
     */
    List<QueueToken> expire(List<QueueToken> expired, ExpiryReason reason, Instant now);

    /**
     * Expires one ACTIVE token now, whatever its window, with its QUEUE_EXPIRED event, releasing its active place.
     *
     * @param expired the token's new state (its version one above the stored one)
     * @return false when the stored token changed meanwhile; nothing was written then
     */
    boolean expireNow(QueueToken expired, ExpiryReason reason);

    /**
     * Puts one ACTIVE token back to WAITING with its QUEUE_RESTORED event, releasing its
     * active place and recording it in the counter's restored set, so the activation re-admits it first.
     *
     * The token remembers the reservation it was restored for: the same restore delivered again after the activation
     * re-admitted the token changes nothing ({@link #restoredFor}).
     *
     * @param restored      the token's new state (its version one above the stored one)
     * @param reservationId the booking whose failed payment this undoes
     * @return false when the stored token changed meanwhile, or was restored for this reservation already; nothing
     *         was written then
     */
    boolean restore(QueueToken restored, String reservationId);

    /** Whether the token was put back in line for this reservation's failed payment already. */
    boolean restoredFor(String token, String reservationId);
}

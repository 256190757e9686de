package io.ticketflow.queue.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the activation reads of a queue: the counter, its {@code issued} being the highest seq any shard
 * handed out, and every shard.
 *
 * @param layout the shards the queue opened with
 */
public record QueueArrivals(QueueCounter counter, CounterShards layout, List<ShardCounter> shards) {

    public QueueArrivals {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(layout, "layout");
        shards = List.copyOf(shards);
    }

    /** @param counter the counter as its own item holds it; its {@code issued} is replaced by the shards' highest seq */
    public static QueueArrivals of(QueueCounter counter, CounterShards layout, List<ShardCounter> shards) {
        long highest = shards.stream()
                .filter(shard -> shard.issued() > 0)
                .mapToLong(shard -> layout.seqOf(shard.shard(), shard.issued()))
                .max().orElse(0);
        return new QueueArrivals(counter.withIssued(highest), layout, shards);
    }

    /**
     * The shards to bring up to {@code watermark}: each gets the watermark to show at its enters and, where the
     * watermark passed rounds the shard has not handed out (they were burned), those rounds, so its next enter
     * lands after the watermark instead of on a burned seq. Shard 0 lives on the counter item, whose watermark
     * is the real one. One write per shard at most, however long the queue: the tick's work stays bounded.
     */
    public List<ShardLevel> levelling(long watermark) {
        return levelling(watermark, watermark);
    }

    /**
     * As {@link #levelling(long)} where the seqs up to {@code seqsPassed} are taken (a drawn pre-queue's, whose
     * places the watermark has not all reached): no shard hands them out again.
     */
    public List<ShardLevel> levelling(long watermark, long seqsPassed) {
        List<ShardLevel> changes = new ArrayList<>();
        for (ShardCounter shard : shards) {
            long passedRounds = layout.roundsUpTo(shard.shard(), seqsPassed);
            boolean behind = shard.issued() < passedRounds;
            boolean showsOldWatermark = shard.shard() != 0 && shard.watermarkSeen() < watermark;
            if (behind || showsOldWatermark) {
                changes.add(new ShardLevel(shard.shard(), watermark, passedRounds, behind));
            }
        }
        return changes;
    }
}

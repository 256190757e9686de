package io.ticketflow.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueArrivalsTest {

    private static final CounterShards FOUR = new CounterShards(4);

    @Test
    void of_unevenShards_issuedIsTheHighestSeqAnyShardHandedOut() {
        // shard 1 reached round 3 (seq 10); shard 3 has had no enter yet
        QueueArrivals arrivals = arrivals(0, 2, 3, 1, 0);

        assertThat(arrivals.counter().issued()).isEqualTo(10);
        assertThat(arrivals.counter().waiting()).isEqualTo(10);
    }

    @Test
    void levelling_watermarkPassedRoundsAShardNeverHandedOut_raisesThatShardToThem() {
        QueueArrivals arrivals = arrivals(0, 2, 3, 1, 0);

        List<ShardLevel> levels = arrivals.levelling(10);

        // seq 10 passed round 3 of shards 0 and 1 and round 2 of shards 2 and 3
        assertThat(levels).containsExactly(
                new ShardLevel(0, 10, 3, true),
                new ShardLevel(1, 10, 3, false),
                new ShardLevel(2, 10, 2, true),
                new ShardLevel(3, 10, 2, true));
    }

    @Test
    void levelling_longQueueFarAheadOfTheWatermark_onlyHandsTheShardsTheNewWatermark() {
        QueueArrivals arrivals = arrivals(0, 500, 500, 499, 499);

        List<ShardLevel> levels = arrivals.levelling(120);

        assertThat(levels).extracting(ShardLevel::shard).containsExactly(1, 2, 3);
        assertThat(levels).noneMatch(ShardLevel::behind);
    }

    @Test
    void levelling_watermarkUnchangedSinceTheLastLevelling_writesNothing() {
        QueueArrivals arrivals = new QueueArrivals(new QueueCounter("c", 0, 120, 0), FOUR, List.of(
                new ShardCounter(0, 500, 120), new ShardCounter(1, 500, 120),
                new ShardCounter(2, 499, 120), new ShardCounter(3, 499, 120)));

        assertThat(arrivals.levelling(120)).isEmpty();
    }

    private static QueueArrivals arrivals(long watermark, long... roundsPerShard) {
        List<ShardCounter> shards = new ArrayList<>();
        for (int shard = 0; shard < roundsPerShard.length; shard++) {
            shards.add(new ShardCounter(shard, roundsPerShard[shard], watermark));
        }
        return QueueArrivals.of(new QueueCounter("c", 0, watermark, 0), FOUR, shards);
    }
}

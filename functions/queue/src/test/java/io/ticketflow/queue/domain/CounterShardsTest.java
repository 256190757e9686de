package io.ticketflow.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterShardsTest {

    private static final CounterShards FOUR = new CounterShards(4);

    @Test
    void seqOf_roundsOfEveryShard_interleaveIntoConsecutiveSeqsWithoutGapsOrRepeats() {
        List<Long> seqs = new ArrayList<>();
        for (long round = 1; round <= 3; round++) {
            for (int shard = 0; shard < 4; shard++) {
                seqs.add(FOUR.seqOf(shard, round));
            }
        }

        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void shardOf_anySeq_isTheShardWhoseRoundHoldsIt() {
        assertThat(FOUR.shardOf(FOUR.seqOf(3, 7))).isEqualTo(3);
        assertThat(FOUR.shardOf(FOUR.seqOf(0, 1))).isZero();
    }

    @Test
    void roundsUpTo_watermarkInsideARound_countsOnlyTheShardsItPassed() {
        // seq 6 is round 2 of shard 1: shards 0 and 1 passed two rounds, shards 2 and 3 one
        assertThat(List.of(0, 1, 2, 3)).extracting(shard -> FOUR.roundsUpTo(shard, 6)).containsExactly(2L, 2L, 1L, 1L);
        assertThat(FOUR.roundsUpTo(3, 0)).isZero();
    }

    @Test
    void singleShard_isOneCounter_seqEqualsRound() {
        assertThat(CounterShards.SINGLE.seqOf(0, 42)).isEqualTo(42);
        assertThat(CounterShards.SINGLE.roundsUpTo(0, 42)).isEqualTo(42);
    }

    @Test
    void counterShards_outsideOneToMax_isRejected() {
        assertThatThrownBy(() -> new CounterShards(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CounterShards(CounterShards.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

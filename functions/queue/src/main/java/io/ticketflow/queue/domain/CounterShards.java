package io.ticketflow.queue.domain;

/**
 * How a queue's enters spread over {@code count} counter shards and still form one line.
 *
 * <p>One counter item takes about 1,000 writes a second on DynamoDB, fewer than a stadium crowd arrives with,
 * so each enter takes the next <em>round</em> of one shard instead of the next seq of one counter. Round
 * {@code r} of shard {@code k} is seq {@code (r - 1) * count + k + 1}: the shards' rounds interleave, so the
 * activation keeps moving one watermark over consecutive seqs and admits round 1 of every shard, then round 2,
 * and so on. A seq whose shard has not reached that round yet is an empty slot, which the activation burns as
 * it does any seq whose enter failed; afterwards it raises each shard it passed to the watermark's round (see
 * {@link QueueArrivals#levelling}), so a shard that fell behind does not hand out burned seqs.
 *
 * <p><b>Fairness tolerance.</b> Arrival order is kept up to the skew between shards: someone who enters after
 * you overtakes you only if their shard had handed out fewer rounds than yours when you entered, and by at most
 * {@code (D + 1) * count} places, where {@code D} is the difference in rounds between the fullest and the
 * emptiest shard at that moment. Each instance takes a queue's shards in turn from a random one, so its own
 * enters are spread to within one round and {@code D} is at most the number of instances entering at once (a
 * few rounds in practice, their extra rounds landing on random shards); the levelling resets it whenever the
 * watermark catches up with the shards.
 *
 * <p><b>Position.</b> A token's position stays {@code seq - watermark}: distinct per token and only falling as
 * the watermark moves. It counts the empty slots of shards that lag, so it is an upper bound, too high by at
 * most those {@code D * count} places, which later arrivals fill (overtaking, as above) or the activation burns.
 *
 * @param count number of shards, from 1 (one counter: strict arrival order) to {@link #MAX}
 */
public record CounterShards(int count) {

    /**
     * One counter unless configured: positions are exact, which a small hall and a laptop want. A stadium deployment
     * sets {@link #STADIUM_COUNT} (the CDK app does), trading exact positions for no hot key on the enter path.
     */
    public static final int DEFAULT_COUNT = 1;
    /** Enough for a stadium: 16 shards take about 16,000 enters a second. */
    public static final int STADIUM_COUNT = 16;
    /** Opening a queue writes every shard in one transaction, which holds at most 100 items. */
    public static final int MAX = 64;
    public static final CounterShards SINGLE = new CounterShards(1);

    public CounterShards {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("counter shards must be 1.." + MAX + ", was " + count);
        }
    }

    /** The seq of the {@code round}-th enter (from 1) taken from {@code shard}. */
    public long seqOf(int shard, long round) {
        return (round - 1) * count + shard + 1;
    }

    /** The shard whose rounds hold {@code seq}. */
    public int shardOf(long seq) {
        return (int) ((seq - 1) % count);
    }

    /** How many of {@code shard}'s rounds lie at or below {@code seq}: with the watermark, the rounds it passed. */
    public long roundsUpTo(int shard, long seq) {
        return Math.max(0, (seq + count - 1 - shard) / count);
    }
}

package io.ticketflow.queue.domain;

/**
 * What the activation writes to one shard after moving the watermark.
 *
 * @param watermark    the watermark the shard's enters show positions from (not written to shard 0, the counter)
 * @param passedRounds the shard's rounds at or below the watermark
 * @param behind       whether the shard handed out fewer rounds than that: it is raised to {@code passedRounds},
 *                     since those seqs are burned
 */
public record ShardLevel(int shard, long watermark, long passedRounds, boolean behind) {
}

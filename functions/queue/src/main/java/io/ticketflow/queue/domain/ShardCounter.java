package io.ticketflow.queue.domain;

/**
 * One counter shard as read.
 *
 * @param issued        rounds the shard handed out so far
 * @param watermarkSeen the watermark as the last activation left it on the shard, so an enter shows a position
 *                      without reading the one counter every enter would otherwise read
 */
public record ShardCounter(int shard, long issued, long watermarkSeen) {
}

package io.ticketflow.queue.function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The shared part of a waiting user's poll, which changes once per activation tick: with the {@code place} of their
 * own status, {@code place - nowServing} is their position and that over {@code admittedPerSecond} their wait.
 *
 * @param nowServing        the watermark: every place up to it was admitted or passed over
 * @param admittedPerSecond the activation rate the ticks measured; 0 until measured
 * @param opensAt           the opening time of a queue with a pre-queue; absent otherwise
 * @param lotteryDrawn      whether the pre-queue's order was drawn (its places are known); absent without opensAt
 * @param workDifficulty    the proof-of-work bits an enter needs ({@code X-Queue-Work})
 * @param maxAgeSeconds     how long this answer is good for: one tick (also {@code Cache-Control: max-age})
 * @param etag              the answer's entity tag, a hash of the fields above; not in the body
 * @param notModified       the caller holds this answer already (304); not in the body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NowServing(String concertId, long nowServing, double admittedPerSecond, Instant opensAt, Boolean lotteryDrawn,
                         int workDifficulty, long maxAgeSeconds, @JsonIgnore String etag, @JsonIgnore boolean notModified) {
}

package io.ticketflow.queue.domain;

import java.time.Duration;

/**
 * What entering a queue costs a client: proof-of-work of {@code workDifficulty} bits, and at most so many enters
 * per user and per source address per {@link #WINDOW}. A script that opens thousands of tokens from thousands of
 * accounts pays the work for each, and one address cannot go faster than the limit whatever the accounts.
 *
 * @param workDifficulty  leading zero bits the work's hash needs (0: any nonce passes)
 * @param perUser         enters a user may make per window, however many tokens that is (entering again is answered
 *                        with the token it has, but still costs a try)
 * @param perSourceAddress enters per window from one address: a household or an office behind one NAT shares it
 */
public record EnterRules(int workDifficulty, int perUser, int perSourceAddress) {

    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** About 65,000 hashes: ~100 ms of SHA-256 in a browser, 1 µs to check. */
    public static final int DEFAULT_WORK_DIFFICULTY = 16;
    public static final int DEFAULT_PER_USER = 10;
    public static final int DEFAULT_PER_SOURCE_ADDRESS = 300;

    public EnterRules {
        if (workDifficulty < 0 || workDifficulty > 32) {
            throw new IllegalArgumentException("workDifficulty must be 0..32, was " + workDifficulty);
        }
        if (perUser < 1 || perSourceAddress < 1) {
            throw new IllegalArgumentException("the enter limits must be 1 or more, were " + perUser + "/" + perSourceAddress);
        }
    }

    public static EnterRules defaults() {
        return new EnterRules(DEFAULT_WORK_DIFFICULTY, DEFAULT_PER_USER, DEFAULT_PER_SOURCE_ADDRESS);
    }
}

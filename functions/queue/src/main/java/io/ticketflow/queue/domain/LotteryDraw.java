package io.ticketflow.queue.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * The order a queue's pre-queue is admitted in, drawn once at the opening: seqs {@code 1..size} (every token
 * issued before the draw) go to places {@code 1..size} in a random order that {@code seed} alone decides, so
 * anyone holding the recorded seed and size replays it exactly. Later seqs keep their place: FIFO after the
 * opening.
 *
 * <p>The order is a keyed Feistel permutation (4 rounds, SHA-256 of seed, round and half as the round function)
 * over the smallest even power of two covering {@code size}, walked in cycles until it lands inside: a bijection
 * computed for one seq or one place in a few hashes, in either direction, so neither the activation nor a status
 * answer ever materialises the whole order of a 250,000-strong pre-queue.
 *
 * @param opensAt the opening time the pre-queue waited for
 */
public record LotteryDraw(long seed, long size, Instant opensAt) {

    public static final String ALGORITHM = "feistel-sha256-v1";
    private static final int ROUNDS = 4;

    public LotteryDraw {
        Objects.requireNonNull(opensAt, "opensAt");
        if (size < 0) {
            throw new IllegalArgumentException("size cannot be negative, was " + size);
        }
    }

    /** The place the draw gave {@code seq}: itself after the pre-queue. */
    public long placeOf(long seq) {
        if (seq < 1 || seq > size) {
            return seq;
        }
        long x = seq - 1;
        do {
            x = permute(x, true);
        } while (x >= size);
        return x + 1;
    }

    /** The seq the draw put at {@code place}: the inverse of {@link #placeOf}. */
    public long seqAt(long place) {
        if (place < 1 || place > size) {
            return place;
        }
        long x = place - 1;
        do {
            x = permute(x, false);
        } while (x >= size);
        return x + 1;
    }

    private long permute(long value, boolean forward) {
        int halfBits = halfBits();
        long mask = (1L << halfBits) - 1;
        long left = value >>> halfBits;
        long right = value & mask;
        if (forward) {
            for (int round = 0; round < ROUNDS; round++) {
                long next = left ^ (roundFunction(round, right) & mask);
                left = right;
                right = next;
            }
        } else {
            for (int round = ROUNDS - 1; round >= 0; round--) {
                long previous = right ^ (roundFunction(round, left) & mask);
                right = left;
                left = previous;
            }
        }
        return (left << halfBits) | right;
    }

    /** Half the bits of the smallest power of four covering {@code size}: the walk then leaves it less than 4 times in 3. */
    private int halfBits() {
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, size - 1));
        return Math.max(1, (bits + 1) / 2);
    }

    private long roundFunction(int round, long half) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ByteBuffer.allocate(20).putLong(seed).putInt(round).putLong(half).array());
            sha256.update(ALGORITHM.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.wrap(sha256.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

package io.ticketflow.testsupport;

import java.util.Random;
import java.util.stream.LongStream;

/**
 * Seeds for randomized property tests ({@code @ParameterizedTest(name = "seed {0}") @MethodSource}).
 * Each run explores new cases; the seed is in the test's display name, and {@code -Dticketflow.seed=N}
 * replays a failing run exactly.
 */
public final class RandomSeeds {

    private RandomSeeds() {
    }

    public static LongStream of(int count) {
        String fixed = System.getProperty("ticketflow.seed");
        if (fixed != null && !fixed.isBlank()) {
            return LongStream.of(Long.parseLong(fixed.trim()));
        }
        Random base = new Random();
        return LongStream.generate(base::nextLong).limit(count);
    }
}

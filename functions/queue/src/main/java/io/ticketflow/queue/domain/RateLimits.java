package io.ticketflow.queue.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Counts tries per key in fixed windows, shared by every instance of a function. */
public interface RateLimits {

    /**
     * Counts one try of {@code key} in the window {@code now} falls in, unless it already had {@code limit}.
     *
     * @return empty when the try is allowed (and counted); else how long until the next window
     */
    Optional<Duration> tryOnce(String key, int limit, Duration window, Instant now);
}

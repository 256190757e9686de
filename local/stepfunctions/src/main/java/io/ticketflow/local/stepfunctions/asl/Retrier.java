package io.ticketflow.local.stepfunctions.asl;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/** One entry of a {@code Retry} array. */
public record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
                      Double maxDelaySeconds, boolean fullJitter) {

    public boolean matches(String error) {
        return ErrorNames.matches(errorEquals, error);
    }

    /**
     * IntervalSeconds x BackoffRate^retriesSoFar, capped by MaxDelaySeconds; with JitterStrategy FULL a random
     * share of it.
     */
    public Duration delayBeforeRetry(int retriesSoFar, RandomGenerator random) {
        double seconds = intervalSeconds * Math.pow(backoffRate, retriesSoFar);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (fullJitter) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}

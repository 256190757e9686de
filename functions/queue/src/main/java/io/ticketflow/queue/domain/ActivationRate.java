package io.ticketflow.queue.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast the queue really moves, as the activation ticks measure it: admissions per second, smoothed over the
 * last ticks so one tick held back by the active bound does not swing every ETA.
 *
 * @param perSecond  tokens admitted per second; 0 until measured
 * @param measuredAt when the last tick measured it; null until then
 */
public record ActivationRate(double perSecond, Instant measuredAt) {

    public static final ActivationRate UNMEASURED = new ActivationRate(0, null);
    /** Weight of the newest tick: the estimate follows a change of pace within a few ticks. */
    static final double NEWEST_WEIGHT = 0.5;

    public ActivationRate {
        if (perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("perSecond must be a finite number >= 0, was " + perSecond);
        }
    }

    /**
     * The rate after a tick at {@code now} that admitted {@code admitted} while someone waited. The first tick only
     * starts the clock: it has no interval to divide by.
     */
    public ActivationRate after(int admitted, Instant now) {
        if (measuredAt == null || !now.isAfter(measuredAt)) {
            return new ActivationRate(perSecond, now);
        }
        double seconds = Duration.between(measuredAt, now).toMillis() / 1000.0;
        double latest = admitted / seconds;
        double smoothed = perSecond == 0 ? latest : NEWEST_WEIGHT * latest + (1 - NEWEST_WEIGHT) * perSecond;
        return new ActivationRate(smoothed, now);
    }

    public boolean measured() {
        return perSecond > 0;
    }
}

package io.ticketflow.concert.domain;

/** A snapshot of a cache's counters since the container started. */
public record CacheStats(long hits, long misses) {

    public long lookups() {
        return hits + misses;
    }

    /** 0 when nothing was looked up yet. */
    public double hitRatio() {
        return lookups() == 0 ? 0 : (double) hits / lookups();
    }
}

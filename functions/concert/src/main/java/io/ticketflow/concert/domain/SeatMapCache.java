package io.ticketflow.concert.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A per-container cache of seat maps with a short TTL in front of the store: a popular schedule's seat map is
 * read once per TTL per warm container instead of once per request. Entries hold the raw projection, so a hold
 * that expires while cached is still shown free ({@link SeatState#statusAt}); what the TTL can hide is at most
 * TTL-old changes, which the seat hold itself re-checks against the lock table.
 *
 * <p>Unknown schedules are not cached, so a schedule published a moment ago is found at once.
 *
 * <p>One load per schedule at a time: lookups that miss while another lookup is loading the same schedule wait for
 * its answer (and count as hits, they read nothing). A Lambda container serves one request at a time, but an
 * instance serving many at once (the local runtime; any multi-threaded host) would otherwise send every request
 * of the moment an entry expires to the store — a stampede of whole-seat-map reads measured in the crowd bench.
 */
public final class SeatMapCache implements SeatMapStore {

    /** Counters are logged every this many lookups. */
    static final long LOG_EVERY = 1000;

    private static final System.Logger LOG = System.getLogger(SeatMapCache.class.getName());

    private final SeatMapStore store;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<SeatMap>>> loading = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /** @param ttl zero or negative turns the cache off (every lookup is a miss that reads the store) */
    public SeatMapCache(SeatMapStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<SeatMap> find(String scheduleId) {
        Instant now = clock.instant();
        Entry cached = entries.get(scheduleId);
        if (cached != null && now.isBefore(cached.validUntil())) {
            count(hits);
            return Optional.of(cached.seatMap());
        }
        if (!isOn()) {
            count(misses);
            return store.find(scheduleId);
        }
        CompletableFuture<Optional<SeatMap>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<SeatMap>> running = loading.putIfAbsent(scheduleId, mine);
        if (running != null) {
            count(hits);
            return awaited(running);
        }
        count(misses);
        try {
            Optional<SeatMap> loaded = store.find(scheduleId);
            loaded.ifPresent(seatMap -> entries.put(scheduleId, new Entry(seatMap, now.plus(ttl))));
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(scheduleId, mine);
        }
    }

    /** The other lookup's answer, or its failure as it was thrown there. */
    private static Optional<SeatMap> awaited(CompletableFuture<Optional<SeatMap>> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public CacheStats stats() {
        return new CacheStats(hits.get(), misses.get());
    }

    private boolean isOn() {
        return !ttl.isZero() && !ttl.isNegative();
    }

    private void count(AtomicLong counter) {
        counter.incrementAndGet();
        CacheStats stats = stats();
        if (stats.lookups() % LOG_EVERY == 0) {
            LOG.log(System.Logger.Level.INFO, () -> String.format("seat-map cache: %d hits, %d misses, hit ratio %.3f, ttl %d ms",
                    stats.hits(), stats.misses(), stats.hitRatio(), ttl.toMillis()));
        }
    }

    private record Entry(SeatMap seatMap, Instant validUntil) {
    }
}

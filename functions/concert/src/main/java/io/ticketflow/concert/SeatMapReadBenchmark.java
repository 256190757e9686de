package io.ticketflow.concert;

import io.ticketflow.concert.domain.CacheStats;
import io.ticketflow.concert.domain.SeatMapCache;
import io.ticketflow.concert.domain.SeatMapStore;
import io.ticketflow.concert.function.SeatMapFunction;
import io.ticketflow.concert.function.SeatMapQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seat-map read figure for the benchmark entry point: the seat map function over the real store, hammered
 * by a few threads for a fixed time, once per cache TTL, so "cache on vs off" comes from the same run. Not a
 * test and not a request path.
 */
public final class SeatMapReadBenchmark {

    /** One variant's result; {@code stats} are the cache's own hit/miss counters. */
    public record Figures(long ttlMillis, long reads, double readsPerSecond, CacheStats stats) {
    }

    private final SeatMapStore store;
    private final Clock clock;

    /** @param store the uncached store (e.g. {@code DynamoDbSeatMapStore}) */
    public SeatMapReadBenchmark(SeatMapStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Runs each TTL in turn (0 = cache off) against one published schedule. */
    public List<Figures> run(String scheduleId, List<Duration> ttls, int threads, Duration eachFor) throws Exception {
        List<Figures> figures = new ArrayList<>();
        for (Duration ttl : ttls) {
            figures.add(measure(scheduleId, ttl, threads, eachFor));
        }
        return figures;
    }

    private Figures measure(String scheduleId, Duration ttl, int threads, Duration duration) throws Exception {
        SeatMapCache cache = new SeatMapCache(store, ttl, clock);
        SeatMapFunction seatMap = new SeatMapFunction(cache, clock);
        AtomicLong reads = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        seatMap.apply(new SeatMapQuery(scheduleId));
                        reads.incrementAndGet();
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Figures(ttl.toMillis(), reads.get(), reads.get() / seconds, cache.stats());
    }
}

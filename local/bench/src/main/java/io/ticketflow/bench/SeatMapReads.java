package io.ticketflow.bench;

import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.concert.adapter.DynamoDbSeatMapStore;
import io.ticketflow.concert.domain.CacheStats;
import io.ticketflow.concert.domain.SeatMapCache;
import io.ticketflow.concert.function.SeatMapFunction;
import io.ticketflow.concert.function.SeatMapQuery;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.local.LocalOptions;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.local.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue #3: seat-map reads per second with the per-container cache off (every read one GetItem: the baseline) and
 * on, in the same run, through the seat map function over the real store on moto; a few threads read one published
 * schedule for a fixed time per variant, the variants interleaved over the runs. The hit ratio and the store reads
 * are the cache's own counters.
 */
final class SeatMapReads implements Figure {

    private static final String SCHEDULE = "schedule-1-1";

    private final List<Duration> ttls;
    private final int threads;
    private final Duration eachFor;
    private final int runs;

    /** @param ttls the cache TTLs to compare, the first the baseline (zero = cache off) */
    SeatMapReads(List<Duration> ttls, int threads, Duration eachFor, int runs) {
        this.ttls = List.copyOf(ttls);
        this.threads = threads;
        this.eachFor = eachFor;
        this.runs = runs;
    }

    @Override
    public String name() {
        return "seat-maps";
    }

    /** One variant's one run; {@code stats} are the cache's hit/miss counters. */
    private record Run(long reads, double readsPerSecond, CacheStats stats, double emulatorBusyShare) {
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        Map<Duration, List<Run>> results = new LinkedHashMap<>();
        ttls.forEach(ttl -> results.put(ttl, new ArrayList<>()));
        EmulatorTimer timer = new EmulatorTimer();
        // the runtime only publishes the demo catalogue (the seat maps); the reads go straight to the function
        Topology all = Topology.catalogue();
        Topology tablesOnly = new Topology(List.of(), all.tables(), all.queues(), List.of(), List.of(), List.of());
        LocalOptions options = setup.runtimeOptions("seat-maps-", Map.of(), true);
        try (LocalRuntime runtime = LocalRuntime.start(options, tablesOnly);
             AwsClients clients = new AwsClients(runtime.settings(), List.of(timer))) {
            DynamoDbSeatMapStore store = new DynamoDbSeatMapStore(clients.dynamoDb(),
                    runtime.settings().physicalName(ConcertResources.SEAT_MAPS_TABLE));
            if (store.find(SCHEDULE).isEmpty()) {
                throw new IllegalStateException("the demo catalogue was not published: no seat map of " + SCHEDULE);
            }
            measure(store, Duration.ZERO, Duration.ofSeconds(1), timer); // warm-up: class loading and JIT
            for (int run = 0; run < runs; run++) {
                for (Duration ttl : ttls) {
                    results.get(ttl).add(measure(store, ttl, eachFor, timer));
                }
            }
        }
        Duration baselineTtl = ttls.get(0);
        double baseline = Stats.of(results.get(baselineTtl).stream().map(Run::readsPerSecond).toList()).median();
        Table table = new Table("Seat-map reads/s through the seat map function on moto, cache off vs on (" + threads
                + " threads, " + eachFor.toMillis() + " ms per variant, median of " + runs + " runs)",
                "cache", "reads/s (median)", "runs", "vs cache off", "reads", "store reads (misses)", "hit ratio", "moto busy / wall");
        results.forEach((ttl, measured) -> {
            double rate = Stats.of(measured.stream().map(Run::readsPerSecond).toList()).median();
            long reads = measured.stream().mapToLong(Run::reads).sum();
            long hits = measured.stream().mapToLong(r -> r.stats().hits()).sum();
            long misses = measured.stream().mapToLong(r -> r.stats().misses()).sum();
            table.row(ttl.isZero() ? "off" : "on, TTL " + ttl.toMillis() + " ms",
                    String.format(Locale.ROOT, "%.0f", rate),
                    String.join(" / ", measured.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.readsPerSecond())).toList()),
                    Table.ratio(rate / baseline),
                    reads,
                    misses,
                    String.format(Locale.ROOT, "%.6f", (double) hits / (hits + misses)),
                    Table.percent(Stats.of(measured.stream().map(Run::emulatorBusyShare).toList()).median()));
        });
        table.note("baseline: cache off (" + (baselineTtl.isZero() ? "TTL 0" : baselineTtl) + "), measured in the same run,"
                        + " the variants interleaved; each variant a fresh cache (SeatMapCache + SeatMapFunction, as the"
                        + " seatMap route wires them)")
                .note("reads, store reads and hit ratio summed over the runs; each miss is one eventually consistent Query"
                        + " of the schedule's seat-map blocks (with a 1 s TTL: about one per thread per second)")
                .note("moto busy / wall = time with at least one GetItem waiting on moto / variant wall time; with the"
                        + " cache off it is the emulator that sets the rate")
                .note("in-JVM calls, no HTTP: the figure isolates the cache; on Lambda each warm container has its own cache");
        return List.of(table);
    }

    private Run measure(DynamoDbSeatMapStore store, Duration ttl, Duration duration, EmulatorTimer timer) throws Exception {
        SeatMapCache cache = new SeatMapCache(store, ttl, Clock.systemUTC());
        SeatMapFunction seatMap = new SeatMapFunction(cache, Clock.systemUTC());
        AtomicLong reads = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        timer.start();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        seatMap.apply(new SeatMapQuery(SCHEDULE));
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
        long wall = System.nanoTime() - started;
        List<EmulatorTimer.Call> calls = timer.stop();
        CacheStats stats = cache.stats();
        if (stats.lookups() != reads.get()) {
            throw new IllegalStateException("cache counted " + stats.lookups() + " lookups for " + reads.get() + " reads");
        }
        return new Run(reads.get(), reads.get() / (wall / 1e9), stats,
                calls.isEmpty() ? 0 : (double) EmulatorTimer.busyNanos(calls) / wall);
    }
}

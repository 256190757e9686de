package io.ticketflow.bench;

import io.ticketflow.catalog.QueueResources;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.local.LocalOptions;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.queue.QueueSettings;
import io.ticketflow.reservation.ReservationSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #11's soak: a steady booking load for {@code minutes}, reported per window — latency of enter, hold and
 * pay, this JVM's memory (it hosts the local runtime) and moto's, the tables' item counts and the dead-letter
 * queues — and checked for regression between the first and the last window: p99 may not grow by more than 25 %,
 * this JVM's resident memory not by more than 20 %. A regression fails the figure. moto's memory is reported, with
 * its bytes per stored item, but not checked: the emulator keeps every item of every table in memory, so it grows
 * with the data the load writes, which on AWS is DynamoDB's storage and in no process of ours.
 */
final class Soak implements Figure {

    static final double MAX_P99_GROWTH = 1.25;
    static final double MAX_RSS_GROWTH = 1.20;
    private static final String CONCERT = "soak";
    private static final String SCHEDULE = "soak-main";
    private static final int SEATS = 12_000;
    private static final int CLIENTS = 6;
    private static final List<String> REQUESTS = List.of("enter", "hold", "pay");

    private final Duration total;
    private final Duration window;
    private final JsonMapper json = KernelBeans.newJsonMapper();

    Soak(Duration total, Duration window) {
        if (total.compareTo(window) < 0) {
            throw new IllegalArgumentException("the soak must last at least one window of " + window);
        }
        this.total = total;
        this.window = window;
    }

    /** Windows of 5 minutes from half an hour on, else of 1 minute (so {@code --minutes 5} still compares five). */
    static Soak forMinutes(int minutes) {
        return new Soak(Duration.ofMinutes(minutes), Duration.ofMinutes(minutes >= 30 ? 5 : 1));
    }

    @Override
    public String name() {
        return "soak";
    }

    /** One window's measurements. */
    private record Window(int index, Map<String, Stats> latencies, int confirmed, int otherEnds, long rssBytes,
                          long heapAfterGcBytes, long motoRssBytes, long items, long deadLetters) {
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(QueueSettings.BATCH_SIZE, "200");
        config.put(QueueSettings.MAX_ACTIVE, "100000");
        config.put(QueueSettings.ACTIVE_WINDOW_SECONDS, "900");
        config.put(ReservationSettings.HOLD_SECONDS, "60");
        // every schedule at its declared rate (sweepers, recovery) but the activation tick, once a second
        LocalOptions options = new LocalOptions(0, setup.endpoint(), setup.region(), "soak-", setup.projectRoot(),
                Map.of(QueueResources.ACTIVATION_SCHEDULE, 1), config, false);
        try (LocalRuntime runtime = MeteredFunctions.wholeCatalogue(options)) {
            runtime.publish(Crowd.hall(CONCERT, SCHEDULE, SEATS));
            CrowdClient client = new CrowdClient(runtime, json);
            client.enterWhenOpen(client.bearer("soak-opener"), CONCERT);
            return soak(setup, runtime, client);
        }
    }

    private List<Table> soak(BenchSetup setup, LocalRuntime runtime, CrowdClient client) throws Exception {
        CrowdFan visit = new CrowdFan(client, SCHEDULE, Duration.ofSeconds(900));
        AtomicInteger nextFan = new AtomicInteger();
        List<CrowdFan.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Instant end = Instant.now().plus(total).plus(warmUp());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int seed = c;
            running.add(pool.submit(() -> {
                Random random = new Random(seed);
                while (Instant.now().isBefore(end)) {
                    String userId = "soak-fan-" + nextFan.getAndIncrement();
                    String bearer = client.bearer(userId);
                    Instant enteredAt = Instant.now();
                    CrowdClient.Answer entered = client.enter(bearer, CONCERT);
                    if (!entered.is(201)) {
                        throw new IllegalStateException("enter of " + userId + " answered " + entered.status() + " " + entered.body());
                    }
                    CrowdFan.Entered fan = new CrowdFan.Entered(userId, bearer, entered.body().path("token").asString(),
                            enteredAt, CrowdFan.Intent.PAY, 1);
                    outcomes.add(visit.visit(fan, end.plus(Duration.ofMinutes(2)), random));
                }
                return null;
            }));
        }
        CrowdFan.pause(warmUp());
        client.drainLatencies();
        outcomes.clear();
        List<Window> windows = new ArrayList<>();
        int count = (int) (total.toSeconds() / window.toSeconds());
        for (int w = 1; w <= count; w++) {
            CrowdFan.pause(window);
            windows.add(measure(w, setup, runtime, client, outcomes));
            System.err.printf(Locale.ROOT, "soak: window %d of %d done%n", w, count);
        }
        for (Future<?> clientLoop : running) {
            clientLoop.get();
        }
        pool.shutdownNow();
        Table table = windowTable(windows);
        String regression = regression(windows.get(0), windows.get(windows.size() - 1));
        if (regression != null) {
            System.err.print(table.render());
            throw new IllegalStateException("soak: " + regression);
        }
        return List.of(table);
    }

    /** The first minute (or window) pays class loading and JIT: not what the soak is about. */
    private Duration warmUp() {
        return window.compareTo(Duration.ofMinutes(1)) < 0 ? window : Duration.ofMinutes(1);
    }

    private Window measure(int index, BenchSetup setup, LocalRuntime runtime, CrowdClient client,
                           List<CrowdFan.Outcome> outcomes) {
        Map<String, List<Double>> drained = client.drainLatencies();
        Map<String, Stats> latencies = new LinkedHashMap<>();
        for (String request : REQUESTS) {
            List<Double> samples = drained.get(request);
            if (samples != null && !samples.isEmpty()) {
                latencies.put(request, Stats.of(samples));
            }
        }
        List<CrowdFan.Outcome> ended;
        synchronized (outcomes) {
            ended = List.copyOf(outcomes);
            outcomes.clear();
        }
        int confirmed = (int) ended.stream().filter(o -> o.end() == CrowdFan.End.CONFIRMED).count();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long moto = setup.emulator() == null ? 0 : Stream.concat(Stream.of(setup.emulator()), setup.emulator().descendants())
                .mapToLong(process -> rssBytes(process.pid())).sum();
        return new Window(index, latencies, confirmed, ended.size() - confirmed, rssBytes(ProcessHandle.current().pid()),
                heap, moto, items(runtime), DeadLetterQueues.depths(runtime).values().stream().mapToLong(Long::longValue).sum());
    }

    private static long items(LocalRuntime runtime) {
        DynamoDbClient dynamoDb = runtime.clients().dynamoDb();
        String prefix = runtime.settings().resourcePrefix();
        return dynamoDb.listTables().tableNames().stream().filter(name -> name.startsWith(prefix))
                .mapToLong(name -> dynamoDb.describeTable(r -> r.tableName(name)).table().itemCount()).sum();
    }

    /** Resident set size from /proc (Linux); 0 where there is none. */
    private static long rssBytes(long pid) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return 0;
        }
        return 0;
    }

    private Table windowTable(List<Window> windows) {
        Table table = new Table(String.format(Locale.ROOT, "Soak: %d booking clients for %d min, per %s window",
                CLIENTS, total.toMinutes(), window.toSeconds() % 60 == 0 ? window.toMinutes() + "-min" : window.toSeconds() + "-s"),
                "window", "confirmed", "other ends", "enter p50/p99", "hold p50/p99", "pay p50/p99",
                "JVM RSS", "heap after GC", "moto RSS", "items", "dead letters");
        for (Window w : windows) {
            table.row(w.index(), w.confirmed(), w.otherEnds(), latency(w, "enter"), latency(w, "hold"), latency(w, "pay"),
                    megabytes(w.rssBytes()), megabytes(w.heapAfterGcBytes()), megabytes(w.motoRssBytes()), w.items(),
                    w.deadLetters());
        }
        Window first = windows.get(0);
        Window last = windows.get(windows.size() - 1);
        for (String request : REQUESTS) {
            if (first.latencies().containsKey(request) && last.latencies().containsKey(request)) {
                table.note(String.format(Locale.ROOT, "%s p99 last / first window: %s", request,
                        Table.ratio(p99(last, request) / p99(first, request))));
            }
        }
        return table.note(String.format(Locale.ROOT, "JVM RSS last / first: %s; moto RSS last / first: %s (limits: p99 ×%.2f, RSS ×%.2f)",
                        Table.ratio((double) last.rssBytes() / first.rssBytes()),
                        first.motoRssBytes() == 0 ? "n/a" : Table.ratio((double) last.motoRssBytes() / first.motoRssBytes()),
                        MAX_P99_GROWTH, MAX_RSS_GROWTH))
                .note(String.format(Locale.ROOT, "moto RSS per stored item first / last: %s / %s (moto keeps all data in memory; not checked)",
                        perItem(first), perItem(last)))
                .note("the JVM hosts the local runtime and the clients; the first minute is warm-up and not shown");
    }

    private static String perItem(Window window) {
        return window.motoRssBytes() == 0 || window.items() == 0 ? "n/a"
                : String.format(Locale.ROOT, "%,d B", window.motoRssBytes() / window.items());
    }

    /** Why the last window regressed against the first, or null when it did not. */
    static String regression(Window first, Window last) {
        List<String> found = new ArrayList<>();
        for (String request : REQUESTS) {
            if (first.latencies().containsKey(request) && last.latencies().containsKey(request)
                    && p99(last, request) > MAX_P99_GROWTH * p99(first, request)) {
                found.add(String.format(Locale.ROOT, "%s p99 grew from %.0f to %.0f ms", request, p99(first, request),
                        p99(last, request)));
            }
        }
        if (last.rssBytes() > MAX_RSS_GROWTH * first.rssBytes()) {
            found.add("JVM RSS grew from " + megabytes(first.rssBytes()) + " to " + megabytes(last.rssBytes()));
        }
        return found.isEmpty() ? null : String.join("; ", found);
    }

    private static double p99(Window window, String request) {
        return window.latencies().get(request).percentile(99);
    }

    private static String latency(Window window, String request) {
        Stats stats = window.latencies().get(request);
        return stats == null ? "–" : String.format(Locale.ROOT, "%.0f / %.0f ms", stats.median(), stats.percentile(99));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}

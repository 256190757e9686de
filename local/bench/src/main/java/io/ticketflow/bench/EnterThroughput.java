package io.ticketflow.bench;

import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.local.LocalRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figure 3: queue enters per second through the local runtime over real HTTP, each client a closed loop of
 * distinct users, median of a few runs per client count; the single-client run is the baseline. Beside each,
 * how much of the time was spent waiting on moto, from the functions' own AWS clients (see
 * {@link InstrumentedFunctions}).
 */
final class EnterThroughput implements Figure {

    /** The local API gateway's worker threads: calls made on them are the enters' own. */
    private static final String GATEWAY_THREADS = "api-gateway-";
    private static final String MEASURED_CONCERT = "concert-1";
    private static final String WARM_UP_CONCERT = "concert-2";
    /** Each run starts a fresh runtime: its functions' first calls pay class loading and JIT, not the figure. */
    private static final int WARM_UP_ENTERS = 20;

    private final List<Integer> clientCounts;
    private final int entersPerRun;
    private final int runs;
    private final JsonMapper json = KernelBeans.newJsonMapper();

    EnterThroughput(List<Integer> clientCounts, int entersPerRun, int runs) {
        this.clientCounts = List.copyOf(clientCounts);
        this.entersPerRun = entersPerRun;
        this.runs = runs;
    }

    @Override
    public String name() {
        return "enters";
    }

    /** One run's measurements. */
    private record Run(double entersPerSecond, double latencySumMs, double gatewayEmulatorMs, double wallMs,
                       double emulatorBusyMs) {
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        Map<Integer, List<Run>> results = new LinkedHashMap<>();
        clientCounts.forEach(clients -> results.put(clients, new ArrayList<>()));
        // interleaved, and each run on fresh tables: moto copies a table on every transaction, so a table
        // grown by earlier runs would slow the later ones
        for (int run = 1; run <= runs; run++) {
            for (int clients : clientCounts) {
                String prefix = "enters-" + run + "-" + clients + "-";
                try (LocalRuntime runtime = LocalRuntime.start(setup.runtimeOptions(prefix, Map.of(), true),
                        BenchTopology.queueAndAdmission())) {
                    QueueApi api = new QueueApi(runtime, json);
                    for (int i = 0; i < WARM_UP_ENTERS; i++) {
                        api.enter(WARM_UP_CONCERT, "warm-up-" + i);
                    }
                    results.get(clients).add(measure(api, MEASURED_CONCERT, clients, "user-"));
                }
            }
        }
        Table table = new Table("Queue enters/s through the local runtime over HTTP (" + entersPerRun
                + " enters per run, median of " + runs + " runs)",
                "clients", "enters/s (median)", "runs", "vs 1 client", "moto share of request time", "moto busy / wall");
        double baseline = median(results.get(clientCounts.get(0)), Run::entersPerSecond);
        results.forEach((clients, measured) -> {
            double rate = median(measured, Run::entersPerSecond);
            String each = String.join(" / ", measured.stream().map(r -> String.format(Locale.ROOT, "%.1f",
                    r.entersPerSecond())).toList());
            table.row(clients, String.format(Locale.ROOT, "%.1f", rate), each, Table.ratio(rate / baseline),
                    Table.percent(median(measured, r -> r.gatewayEmulatorMs() / r.latencySumMs())),
                    Table.percent(median(measured, r -> r.emulatorBusyMs() / r.wallMs())));
        });
        table.note("baseline: the first client count (" + clientCounts.get(0) + "), measured in the same run")
                .note("moto share of request time = time the enter functions' AWS calls spent on the wire to moto"
                        + " (beforeTransmission → afterTransmission) / the clients' summed request latency")
                .note("each run: a fresh local runtime on fresh tables, " + WARM_UP_ENTERS + " warm-up enters, then the"
                        + " measured ones; moto applies DynamoDB requests one at a time (.moto/moto_server_serialized.py)")
                .note("moto busy / wall = time with at least one call of any function waiting on moto / run wall time")
                .note("each enter is GetItem + UpdateItem (ADD issued) + TransactWriteItems; one counter item per"
                        + " concert, so concurrent clients contend on it (hot key, DESIGN §2)");
        return List.of(table);
    }

    private Run measure(QueueApi api, String concertId, int clients, String userPrefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        EmulatorTimer timer = InstrumentedFunctions.EMULATOR_TIMER;
        try {
            timer.start();
            long start = System.nanoTime();
            List<Future<Long>> latencies = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client;
                latencies.add(pool.submit(() -> {
                    long latencyNanos = 0;
                    for (int i = first; i < entersPerRun; i += clients) {
                        long sent = System.nanoTime();
                        api.enter(concertId, userPrefix + i);
                        latencyNanos += System.nanoTime() - sent;
                    }
                    return latencyNanos;
                }));
            }
            long latencySum = 0;
            for (Future<Long> latency : latencies) {
                latencySum += latency.get();
            }
            long wall = System.nanoTime() - start;
            List<EmulatorTimer.Call> calls = timer.stop();
            long gatewayNanos = calls.stream().filter(c -> c.thread().startsWith(GATEWAY_THREADS))
                    .mapToLong(EmulatorTimer.Call::nanos).sum();
            return new Run(entersPerRun / (wall / 1e9), latencySum / 1e6, gatewayNanos / 1e6, wall / 1e6,
                    EmulatorTimer.busyNanos(calls) / 1e6);
        } finally {
            timer.stop();
            pool.shutdownNow();
        }
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
        return Stats.of(runs.stream().map(value::applyAsDouble).toList()).median();
    }
}

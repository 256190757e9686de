package io.ticketflow.bench;

import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.queue.QueueSettings;
import io.ticketflow.queue.domain.CounterShards;
import java.util.ArrayList;
import java.util.Comparator;
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
 * distinct users, median of a few runs per client count, for a queue of one counter and one of the default
 * counter shards, in the same run; one client on one counter is the baseline. Beside each, how much of the time
 * was spent waiting on moto, from the functions' own AWS clients (see {@link InstrumentedFunctions}), and the
 * write rate of the busiest partition key ({@link PartitionWriteMeter}): moto applies requests one at a time,
 * so the enters/s cannot show what shards buy on DynamoDB, but the busiest key's share of the writes does.
 */
final class EnterThroughput implements Figure {

    /** The local API gateway's worker threads: calls made on them are the enters' own. */
    private static final String GATEWAY_THREADS = "api-gateway-";
    private static final String MEASURED_CONCERT = "concert-1";
    private static final String WARM_UP_CONCERT = "concert-2";
    /** Each run starts a fresh runtime: its functions' first calls pay class loading and JIT, not the figure. */
    private static final int WARM_UP_ENTERS = 20;

    private static final List<CounterShards> SHARDINGS = List.of(CounterShards.SINGLE, new CounterShards(CounterShards.STADIUM_COUNT));

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
                       double emulatorBusyMs, PartitionWriteMeter.BusiestKey busiestKey) {

        double busiestKeyWritesPerSecond() {
            return busiestKey.writes() / (wallMs / 1000);
        }
    }

    /** One configuration of the figure. */
    private record Setting(CounterShards shards, int clients) {
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        Map<Setting, List<Run>> results = new LinkedHashMap<>();
        SHARDINGS.forEach(shards -> clientCounts.forEach(clients -> results.put(new Setting(shards, clients), new ArrayList<>())));
        // interleaved, and each run on fresh tables: moto copies a table on every transaction, so a table
        // grown by earlier runs would slow the later ones
        for (int run = 1; run <= runs; run++) {
            for (Setting setting : results.keySet()) {
                String prefix = "enters-" + run + "-" + setting.shards().count() + "-" + setting.clients() + "-";
                Map<String, String> config = Map.of(QueueSettings.COUNTER_SHARDS, String.valueOf(setting.shards().count()));
                try (LocalRuntime runtime = LocalRuntime.start(setup.runtimeOptions(prefix, config, true),
                        BenchTopology.queueAndAdmission())) {
                    QueueApi api = new QueueApi(runtime, json);
                    for (int i = 0; i < WARM_UP_ENTERS; i++) {
                        api.enter(WARM_UP_CONCERT, "warm-up-" + i);
                    }
                    results.get(setting).add(measure(api, MEASURED_CONCERT, setting.clients(), "user-"));
                }
            }
        }
        Table table = new Table("Queue enters/s through the local runtime over HTTP (" + entersPerRun
                + " enters per run, median of " + runs + " runs)",
                "counter shards", "clients", "enters/s (median)", "runs", "vs 1 client, 1 shard",
                "moto share of request time", "moto busy / wall", "busiest key: writes/s", "per enter", "busiest key");
        double baseline = median(results.values().iterator().next(), Run::entersPerSecond);
        results.forEach((setting, measured) -> {
            double rate = median(measured, Run::entersPerSecond);
            String each = String.join(" / ", measured.stream().map(r -> String.format(Locale.ROOT, "%.1f",
                    r.entersPerSecond())).toList());
            Run busiest = measured.stream().max(Comparator.comparingDouble(Run::busiestKeyWritesPerSecond)).orElseThrow();
            table.row(setting.shards().count(), setting.clients(), String.format(Locale.ROOT, "%.1f", rate), each,
                    Table.ratio(rate / baseline),
                    Table.percent(median(measured, r -> r.gatewayEmulatorMs() / r.latencySumMs())),
                    Table.percent(median(measured, r -> r.emulatorBusyMs() / r.wallMs())),
                    String.format(Locale.ROOT, "%.1f", busiest.busiestKeyWritesPerSecond()),
                    String.format(Locale.ROOT, "%.2f", (double) busiest.busiestKey().writes() / entersPerRun),
                    busiest.busiestKey().key());
        });
        table.note("baseline: one counter shard, the first client count (" + clientCounts.get(0) + "), measured in the same run")
                .note("moto share of request time = time the enter functions' AWS calls spent on the wire to moto"
                        + " (beforeTransmission → afterTransmission) / the clients' summed request latency")
                .note("each run: a fresh local runtime on fresh tables, " + WARM_UP_ENTERS + " warm-up enters, then the"
                        + " measured ones; moto applies DynamoDB requests one at a time (.moto/moto_server_serialized.py)")
                .note("moto busy / wall = time with at least one call of any function waiting on moto / run wall time")
                .note("each enter is GetItem + UpdateItem (ADD issued on one counter shard) + TransactWriteItems;"
                        + " with one shard every enter writes the same counter item (the hot key the shards remove)")
                .note("busiest key = the partition key (table and key) that received the most item writes during the"
                        + " measured enters, of the runs its highest; writes/s = its writes / the run's wall time;"
                        + " per enter = its writes / the enters")
                .note("moto serialises every DynamoDB request, so sharding cannot raise enters/s here; what it changes"
                        + " is the busiest key's writes/s, the figure DynamoDB caps at about 1,000 per partition");
        return List.of(table);
    }

    private Run measure(QueueApi api, String concertId, int clients, String userPrefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        EmulatorTimer timer = InstrumentedFunctions.EMULATOR_TIMER;
        try {
            timer.start();
            PartitionWriteMeter.WRITES.start();
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
            PartitionWriteMeter.BusiestKey busiestKey = PartitionWriteMeter.WRITES.stop()
                    .orElseThrow(() -> new IllegalStateException("the enters wrote nothing"));
            long gatewayNanos = calls.stream().filter(c -> c.thread().startsWith(GATEWAY_THREADS))
                    .mapToLong(EmulatorTimer.Call::nanos).sum();
            return new Run(entersPerRun / (wall / 1e9), latencySum / 1e6, gatewayNanos / 1e6, wall / 1e6,
                    EmulatorTimer.busyNanos(calls) / 1e6, busiestKey);
        } finally {
            timer.stop();
            PartitionWriteMeter.WRITES.stop();
            pool.shutdownNow();
        }
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
        return Stats.of(runs.stream().map(value::applyAsDouble).toList()).median();
    }
}

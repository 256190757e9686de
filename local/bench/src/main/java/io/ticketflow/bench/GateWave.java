package io.ticketflow.bench;

import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.Route;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.local.LocalOptions;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.local.Topology;
import io.ticketflow.messaging.EventStore;
import io.ticketflow.queue.QueueSettings;
import io.ticketflow.queue.domain.LotteryDraw;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #16, part of {@code scripts/bench crowd}: a wave of fans arrives in the last seconds before a queue's opening
 * time, a second wave one by one after it, and 30 % of the early fans stop polling once they entered. Measured over
 * HTTP through the local runtime: how arrival order and drawn place correlate, whether the later wave keeps its order,
 * how many admissions went to fans who had left, and how long the fans who stayed waited for ACTIVE, against the same
 * wave in which everyone stays.
 */
final class GateWave {

    private static final Duration WAVE = Duration.ofSeconds(20);
    /** Short, so that every fan who left has been silent past it at the opening (see {@link #wave}). */
    private static final int ABANDON_AFTER_SECONDS = 5;
    private static final double LEAVING = 0.3;
    private static final int CLIENTS = 8;

    private final JsonMapper json;
    private final int early;
    private final int late;

    GateWave(JsonMapper json, int early) {
        this.json = json;
        this.early = early;
        this.late = Math.max(10, early / 5);
    }

    /** What one wave showed. */
    private record Outcome(double correlation, long inversions, int lateFans, int leavers, long admittedLeavers,
                           Stats stayedToActive) {
    }

    List<Table> run(BenchSetup setup) throws Exception {
        Map<String, String> config = Map.of(
                QueueSettings.BATCH_SIZE, String.valueOf(Math.max(5, early / 10)),
                QueueSettings.MAX_ACTIVE, String.valueOf(early * 3),
                QueueSettings.ACTIVE_WINDOW_SECONDS, "1800",
                QueueSettings.ABANDON_AFTER_SECONDS, String.valueOf(ABANDON_AFTER_SECONDS));
        LocalOptions options = new LocalOptions(0, setup.endpoint(), setup.region(), "gate-", setup.projectRoot(),
                Map.of(QueueResources.ACTIVATION_SCHEDULE, 1), config, false);
        try (LocalRuntime runtime = LocalRuntime.start(options, Topology.catalogue())) {
            CrowdClient client = new CrowdClient(runtime, json);
            Outcome leaving = wave(runtime, client, "gate-leaving", LEAVING);
            Outcome staying = wave(runtime, client, "gate-staying", 0);
            Table table = new Table("Issue #16: a pre-opening wave of " + early + " fans (over " + WAVE.toSeconds()
                    + " s), then " + late + " one by one after the opening", "figure", "30 % stop polling", "all stay");
            table.row("rank correlation of arrival and drawn place", String.format("%.3f", leaving.correlation()),
                    String.format("%.3f", staying.correlation()));
            table.row("inversions among the " + late + " later arrivals", leaving.inversions(), staying.inversions());
            table.row("fans who stopped polling / admitted anyway (wasted slots)",
                    leaving.leavers() + " / " + leaving.admittedLeavers(), staying.leavers() + " / " + staying.admittedLeavers());
            table.row("opening → ACTIVE of those who stayed, p50 / p99",
                    Table.millis(leaving.stayedToActive().percentile(50)) + " / " + Table.millis(leaving.stayedToActive().percentile(99)),
                    Table.millis(staying.stayedToActive().percentile(50)) + " / " + Table.millis(staying.stayedToActive().percentile(99)));
            table.note("abandonment after " + ABANDON_AFTER_SECONDS + " s without a poll, the opening " + (ABANDON_AFTER_SECONDS + 3)
                    + " s after the wave; the fans who stay poll every second from their enter");
            return List.of(table);
        }
    }

    /**
     * The opening comes {@code ABANDON_AFTER_SECONDS + 3} s after the wave, so a fan who left right after entering has
     * been silent longer than the abandon time when the draw is made: an admission of one is a wasted slot. A fan who
     * stays polls from the moment they entered, every second, as a page does.
     */
    private Outcome wave(LocalRuntime runtime, CrowdClient client, String concertId, double leavingShare) throws Exception {
        Instant opensAt = Instant.now().plus(WAVE).plusSeconds(ABANDON_AFTER_SECONDS + 3);
        open(runtime, client, concertId, opensAt);
        Random seeded = new Random(16);
        List<String> arrivals = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> tokens = new ConcurrentHashMap<>();
        Set<String> leavers = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        ExecutorService pages = Executors.newCachedThreadPool();
        Map<String, Long> activeAt = new ConcurrentHashMap<>();
        List<Future<?>> polling = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> entering = new ArrayList<>();
            long spacing = WAVE.toNanos() / early;
            long start = System.nanoTime();
            for (int i = 0; i < early; i++) {
                String userId = concertId + "-early-" + i;
                if (seeded.nextDouble() < leavingShare) {
                    leavers.add(userId);
                }
                long due = start + i * spacing;
                entering.add(pool.submit(() -> {
                    pauseUntil(due);
                    JsonNode ticket = client.enter(client.bearer(userId), concertId).body();
                    // the token's seq is its arrival: whoever the server placed first
                    arrivals.add(userId);
                    tokens.put(userId, ticket.path("token").asString());
                    if (!leavers.contains(userId)) {
                        polling.add(pages.submit(() -> pollUntilActive(client, userId, tokens.get(userId), opensAt, activeAt)));
                    }
                }));
            }
            for (Future<?> enter : entering) {
                enter.get();
            }
            pauseUntil(start + WAVE.toNanos() + Duration.ofSeconds(ABANDON_AFTER_SECONDS + 5).toNanos());
            List<String> lateArrivals = new ArrayList<>();
            for (int i = 0; i < late; i++) {
                String userId = concertId + "-late-" + i;
                tokens.put(userId, client.enter(client.bearer(userId), concertId).body().path("token").asString());
                lateArrivals.add(userId);
            }
            Map<String, Long> places = new ConcurrentHashMap<>();
            for (String userId : lateArrivals) {
                places.put(userId, client.status(client.bearer(userId), tokens.get(userId)).body().path("place").asLong());
            }
            for (Future<?> poll : List.copyOf(polling)) {
                poll.get();
            }
            return outcome(runtime, concertId, arrivals, tokens, leavers, lateArrivals, places, activeAt, opensAt);
        } finally {
            pool.shutdownNow();
            pages.shutdownNow();
        }
    }

    private Outcome outcome(LocalRuntime runtime, String concertId, List<String> arrivals, Map<String, String> tokens,
                            Set<String> leavers, List<String> lateArrivals, Map<String, Long> latePlaces,
                            Map<String, Long> activeAt, Instant opensAt) {
        List<EventEnvelope> events = new EventStore(runtime.clients().dynamoDb(),
                runtime.settings().physicalName(QueueResources.EVENTS_TABLE), json).all().toList();
        EventEnvelope drawn = events.stream()
                .filter(event -> event.type().equals(EventTypes.QUEUE_LOTTERY_DRAWN) && event.aggregateId().equals(concertId))
                .findFirst().orElseThrow(() -> new IllegalStateException("no lottery drawn for " + concertId));
        LotteryDraw draw = new LotteryDraw(
                Long.parseLong(drawn.payload().path("seed").asString()), drawn.payload().path("size").asLong(), opensAt);
        // the seq of each early token, as its QUEUE_WAITING event recorded it, is its arrival at the server
        Map<String, Long> seqOf = events.stream().filter(event -> event.type().equals(EventTypes.QUEUE_WAITING))
                .collect(Collectors.toMap(EventEnvelope::aggregateId, event -> event.payload().path("seq").asLong(), (a, b) -> a));
        List<long[]> arrivalAndPlace = new ArrayList<>();
        for (String userId : arrivals) {
            long seq = seqOf.get(tokens.get(userId));
            arrivalAndPlace.add(new long[] {seq, draw.placeOf(seq)});
        }
        long inversions = 0;
        for (int i = 0; i < lateArrivals.size(); i++) {
            for (int j = i + 1; j < lateArrivals.size(); j++) {
                if (latePlaces.get(lateArrivals.get(i)) > latePlaces.get(lateArrivals.get(j))) {
                    inversions++;
                }
            }
        }
        Set<String> leaverTokens = leavers.stream().map(tokens::get).collect(Collectors.toSet());
        long admittedLeavers = events.stream().filter(event -> event.type().equals(EventTypes.QUEUE_ACTIVATED))
                .filter(event -> leaverTokens.contains(event.aggregateId())).count();
        List<Double> waits = activeAt.values().stream().map(at -> (double) at).toList();
        return new Outcome(rankCorrelation(arrivalAndPlace), inversions, lateArrivals.size(), leavers.size(),
                admittedLeavers, Stats.of(waits));
    }

    /** Spearman's rho of (seq, place) pairs: both are ranks already. */
    private static double rankCorrelation(List<long[]> pairs) {
        double meanA = pairs.stream().mapToLong(p -> p[0]).average().orElse(0);
        double meanB = pairs.stream().mapToLong(p -> p[1]).average().orElse(0);
        double covariance = 0;
        double varianceA = 0;
        double varianceB = 0;
        for (long[] pair : pairs) {
            covariance += (pair[0] - meanA) * (pair[1] - meanB);
            varianceA += (pair[0] - meanA) * (pair[0] - meanA);
            varianceB += (pair[1] - meanB) * (pair[1] - meanB);
        }
        return covariance / Math.sqrt(varianceA * varianceB);
    }

    /** Polls as a page that stays does, every second, and notes the milliseconds from the opening to ACTIVE. */
    private static void pollUntilActive(CrowdClient client, String userId, String token, Instant opensAt,
                                        Map<String, Long> activeAt) {
        String bearer = client.bearer(userId);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = client.status(bearer, token).body();
            if (status.path("status").asString().equals("ACTIVE")) {
                activeAt.put(userId, Duration.between(opensAt, Instant.now()).toMillis());
                return;
            }
            CrowdFan.pause(Duration.ofSeconds(1));
        }
        throw new IllegalStateException(userId + " stayed and polled, but was not admitted within 5 minutes");
    }

    private static void open(LocalRuntime runtime, CrowdClient client, String concertId, Instant opensAt) {
        String operator = runtime.devToken("bench-operator", List.of(Route.ADMIN_SCOPE));
        CrowdClient.Answer opened = client.openQueue(operator, concertId, opensAt);
        if (!opened.is(200)) {
            throw new IllegalStateException("opening " + concertId + " answered " + opened.status() + ": " + opened.body());
        }
    }

    private static void pauseUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            CrowdFan.pause(Duration.ofNanos(left));
        }
    }
}

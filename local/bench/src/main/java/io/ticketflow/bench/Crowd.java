package io.ticketflow.bench;

import io.ticketflow.catalog.QueueResources;
import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.Schedule;
import io.ticketflow.concert.domain.Seat;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.local.LocalOptions;
import io.ticketflow.local.Faults;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.queue.QueueSettings;
import io.ticketflow.queue.adapter.WaitingQueueLoader;
import io.ticketflow.reservation.ReservationSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #9, the benchmark the project exists for: a crowd enters one concert's queue at once over real HTTP through
 * the local runtime, the activation schedule admits it in batches, and the admitted fans browse, hold, top up and pay
 * on one big schedule — some run short of points, meet injected faults or walk away from their hold. Then the
 * invariants are checked ({@link CrowdAudit}), and the same requests are timed on the loaded system (with a backlog
 * of 100 000 more waiting tokens) against the empty one. The figure "crowd" then runs issue #16's gate
 * ({@link GateWave}): a pre-opening arrival wave with fans who stop polling.
 */
final class Crowd implements Figure {

    static final String CONCERT = "crowd";
    static final String SCHEDULE = "crowd-main";
    /** Issue #13's stadium, as an operator publishes it. */
    static final Path STADIUM = Path.of("examples", "stadium-60000.json");
    static final String PROBE_CONCERT = "crowd-probe";
    static final String PROBE_SCHEDULE = "crowd-probe-main";
    static final String BACKLOG_CONCERT = "crowd-backlog";
    private static final Duration ACTIVE_WINDOW = Duration.ofMinutes(30);
    private static final int PROBE_SEATS = 200;
    private static final long SEED = 9;

    /** The run's sizes; {@link #quick} checks the wiring in well under a minute. */
    record Size(int fans, int seats, int batch, int enterClients, int bookers, int sampleEnters, int probeBookings,
                int backlog, Duration bookingWindow, int holdSeconds) {
        static Size full() {
            return new Size(10_000, 5_000, 500, 32, 48, 400, 15, 100_000, Duration.ofSeconds(240), 45);
        }

        static Size quick() {
            return new Size(200, 300, 100, 8, 12, 40, 3, 2_000, Duration.ofSeconds(20), 20);
        }

        /** Issue #11's chaos: a crowd small enough to audit in a few minutes, with a short hold so lost holds end soon. */
        static Size chaos(int fans) {
            return new Size(fans, fans, 100, 8, 16, Math.max(10, fans / 10), 3, 1_000, Duration.ofSeconds(fans / 2 + 60), 30);
        }

        /**
         * Every one of 1,000 fans gets to book: the window is long enough for all of them at the local pace (about a
         * second each), and a hold lasts two minutes, as a fan in a stadium-sized crowd needs.
         */
        static Size stadium(int fans) {
            return new Size(fans, 0, 500, 16, 48, Math.max(10, fans / 10), 3, 1_000, Duration.ofSeconds(fans + 120L), 120);
        }
    }

    /**
     * Where the crowd books: a generated hall of {@code size.seats()}, or a concert document published the way an
     * operator publishes one. Its first schedule is the one the fans book.
     */
    interface Hall {
        /** @return the schedule the fans book */
        Booked publish(BenchSetup setup, LocalRuntime runtime, CrowdClient client, Size size);

        /** @param sections what a fan looks at one at a time; empty: the whole map */
        record Booked(String concertId, String scheduleId, int seats, List<CrowdFan.SeatRange> sections) {
        }

        static Hall generated() {
            return (setup, runtime, client, size) -> {
                runtime.publish(hall(CONCERT, SCHEDULE, size.seats()));
                return new Booked(CONCERT, SCHEDULE, size.seats(), List.of());
            };
        }

        /** @param file relative to the project's root */
        static Hall document(Path file) {
            return (setup, runtime, client, size) -> client.publishAsOperator(setup.projectRoot().resolve(file));
        }
    }

    private final String name;
    private final Size size;
    private final Hall hall;
    /** Faults the runtime injects while the fans book ({@link Faults#NONE} but for the chaos figure). */
    private final Faults faults;
    private final JsonMapper json = KernelBeans.newJsonMapper();
    private Hall.Booked booked;

    Crowd(String name, Size size, Hall hall) {
        this(name, size, hall, Faults.NONE);
    }

    /** @param faults armed only while the fans book: the stage is set up and audited without them */
    Crowd(String name, Size size, Hall hall, Faults faults) {
        this.name = name;
        this.size = size;
        this.hall = hall;
        this.faults = faults;
    }

    @Override
    public String name() {
        return name;
    }

    /** Enter rate of one sample of fans, with how many were waiting when it started, and its last fan in line. */
    private record EnterSample(String label, long waitingBefore, int enters, double perSecond, CrowdFan.Entered last) {
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(QueueSettings.BATCH_SIZE, String.valueOf(size.batch()));
        config.put(QueueSettings.MAX_ACTIVE, String.valueOf(size.fans() + size.sampleEnters() * 3));
        config.put(QueueSettings.ACTIVE_WINDOW_SECONDS, String.valueOf(ACTIVE_WINDOW.toSeconds()));
        config.put(ReservationSettings.HOLD_SECONDS, String.valueOf(size.holdSeconds()));
        // every schedule at its declared rate (sweepers every 10 s) but the activation tick, once a second
        // each figure on its own tables: crowd, stadium and chaos share one emulator in a run
        LocalOptions options = new LocalOptions(0, setup.endpoint(), setup.region(), name + "-", setup.projectRoot(),
                Map.of(QueueResources.ACTIVATION_SCHEDULE, 1), config, false, faults.disarm());
        List<Table> tables;
        try (LocalRuntime runtime = MeteredFunctions.wholeCatalogue(options)) {
            // under faults a fan retries a 5xx as any client of a flaky API would; otherwise a 5xx is a finding
            CrowdClient client = new CrowdClient(runtime, json, faults.any());
            booked = hall.publish(setup, runtime, client, size);
            runtime.publish(hall(PROBE_CONCERT, PROBE_SCHEDULE, PROBE_SEATS));
            client.enterWhenOpen(client.bearer("opener-" + booked.concertId()), booked.concertId());
            client.enterWhenOpen(client.bearer("opener-" + PROBE_CONCERT), PROBE_CONCERT);

            // the first requests of each function pay class loading and JIT: not what the comparison is about
            probe(client, "probe-warm-up-");
            Map<String, List<Double>> emptyCosts = probe(client, "probe-empty-");
            tables = new ArrayList<>(crowd(runtime, client, emptyCosts));
        }
        if (name.equals("crowd")) {
            // issue #16's gate: a pre-opening wave and fans who stop polling, on a runtime of its own
            tables.addAll(new GateWave(json, Math.min(1_000, Math.max(20, size.fans() / 10))).run(setup));
        }
        return tables;
    }

    private List<Table> crowd(LocalRuntime runtime, CrowdClient client, Map<String, List<Double>> emptyCosts) throws Exception {
        Random seeded = new Random(SEED);
        List<CrowdFan.Entered> fans = new ArrayList<>();
        for (int i = 0; i < size.fans(); i++) {
            String userId = "fan-" + i;
            fans.add(new CrowdFan.Entered(userId, client.bearer(userId), null, null, CrowdFan.Intent.draw(seeded),
                    seeded.nextInt(10) < 7 ? 1 : 2));
        }
        BlockingQueue<CrowdFan.Entered> line = new LinkedBlockingQueue<>();
        List<EnterSample> samples = new ArrayList<>();
        CrowdFan visit = new CrowdFan(client, booked.scheduleId(), ACTIVE_WINDOW, booked.sections());
        List<CrowdFan.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        EmulatorTimer timer = InstrumentedFunctions.EMULATOR_TIMER;

        int sample = Math.min(size.sampleEnters(), size.fans() / 4);
        samples.add(enterAll(client, booked.concertId(), fans.subList(0, sample), 8, line, "first " + sample + " fans, 8 clients", 0));
        client.drainLatencies();
        timer.start();
        AwsRequestMeter.REQUESTS.start();
        long crowdStart = System.nanoTime();
        Instant deadline = Instant.now().plus(size.bookingWindow());
        ExecutorService bookers = Executors.newFixedThreadPool(size.bookers());
        List<Future<?>> visits = new ArrayList<>();
        AtomicInteger soldOutSeen = new AtomicInteger();
        for (int b = 0; b < size.bookers(); b++) {
            int booker = b;
            visits.add(bookers.submit(() -> {
                Random random = new Random(SEED * 1_000 + booker);
                while (true) {
                    CrowdFan.Entered fan = line.poll(2, TimeUnit.SECONDS);
                    if (fan == null) {
                        if (entering.get() == 0) {
                            return null;
                        }
                        continue;
                    }
                    if (Instant.now().isAfter(deadline) || soldOutSeen.get() > size.bookers()) {
                        outcomes.add(new CrowdFan.Outcome(fan, CrowdFan.End.NOT_REACHED, null, List.of(),
                                "the booking window closed", null, null, Instant.now(), false));
                        continue;
                    }
                    CrowdFan.Outcome outcome = visit.visit(fan, deadline, random);
                    if (outcome.end() == CrowdFan.End.NO_SEAT) {
                        soldOutSeen.incrementAndGet();
                    }
                    outcomes.add(outcome);
                }
            }));
        }
        faults.arm();
        entering.set(1);
        int crowdEnd = size.fans() - sample;
        samples.add(enterAll(client, booked.concertId(), fans.subList(sample, crowdEnd), size.enterClients(), line,
                "the crowd: " + (crowdEnd - sample) + " fans, " + size.enterClients() + " clients", waitingNow(client, samples)));
        samples.add(enterAll(client, booked.concertId(), fans.subList(crowdEnd, size.fans()), 8, line,
                "last " + sample + " fans of the crowd, 8 clients", waitingNow(client, samples)));
        entering.set(0);
        for (Future<?> fanVisits : visits) {
            fanVisits.get();
        }
        bookers.shutdownNow();
        faults.disarm();
        long crowdWall = System.nanoTime() - crowdStart;
        List<EmulatorTimer.Call> calls = timer.stop();
        Map<String, Long> largestItems = AwsRequestMeter.REQUESTS.largestItemsPut();
        Map<AwsRequestMeter.Key, AwsRequestMeter.Tally> requests = AwsRequestMeter.REQUESTS.stop();
        Map<String, List<Double>> crowdLatencies = client.drainLatencies();

        settleLapsedHolds(visit, outcomes);
        if (faults.any()) {
            // a hold whose answer a crash swallowed is known to no fan: it ends when its time runs out
            CrowdFan.pause(Duration.ofSeconds(size.holdSeconds() + 20));
        }
        List<CrowdAudit.Verdict> verdicts = new CrowdAudit(runtime, client, booked.scheduleId()).check(outcomes);

        WaitingQueueLoader backlog = new WaitingQueueLoader(runtime.clients().dynamoDb(),
                runtime.settings().physicalName(QueueResources.TOKENS_TABLE));
        long loadStart = System.nanoTime();
        backlog.load(BACKLOG_CONCERT, size.backlog(), 4);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        List<CrowdFan.Entered> late = IntStream.range(0, sample).mapToObj(i -> new CrowdFan.Entered("late-" + i,
                client.bearer("late-" + i), null, null, CrowdFan.Intent.PAY, 1)).toList();
        samples.add(enterAll(client, BACKLOG_CONCERT, late, 8, new LinkedBlockingQueue<>(),
                sample + " fans behind a loaded backlog, 8 clients", size.backlog()));
        client.drainLatencies();
        Map<String, List<Double>> loadedCosts = probe(client, "probe-loaded-");

        List<Table> tables = new ArrayList<>();
        tables.add(enterTable(samples));
        tables.add(crowdTable(outcomes, crowdWall, calls, crowdLatencies));
        tables.add(requestTable(requests, crowdWall, outcomes));
        tables.add(largestItemTable(largestItems, runtime.settings().resourcePrefix()));
        tables.add(invariantTable(verdicts));
        if (faults.any()) {
            tables.add(faultTable(runtime, client, outcomes));
        }
        tables.add(costTable(emptyCosts, loadedCosts, loadSeconds));
        List<String> broken = verdicts.stream().filter(v -> !v.holds()).map(CrowdAudit.Verdict::invariant).toList();
        // under faults a fan may meet an answer a crash swallowed; what must hold then are the invariants
        long unexpected = faults.any() ? 0 : outcomes.stream().filter(o -> o.end() == CrowdFan.End.UNEXPECTED).count();
        if (!broken.isEmpty() || unexpected > 0) {
            tables.forEach(table -> System.err.print(table.render()));
            throw new IllegalStateException("crowd: invariants broken " + broken + ", unexpected visits " + unexpected
                    + ": " + outcomes.stream().filter(o -> o.end() == CrowdFan.End.UNEXPECTED).limit(5)
                    .map(o -> o.fan().userId() + " " + o.detail()).toList());
        }
        return tables;
    }

    /** 1 while fans are still entering: bookers wait for the line instead of going home. */
    private final AtomicInteger entering = new AtomicInteger(1);

    /**
     * Every fan of {@code group} enters from {@code clients} threads; each entered fan joins {@code line} in the order
     * the queue numbered them (near enough: the threads race), which is the order activation admits them in.
     */
    private EnterSample enterAll(CrowdClient client, String concertId, List<CrowdFan.Entered> group, int clients,
                                 BlockingQueue<CrowdFan.Entered> line, String label, long waitingBefore) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<CrowdFan.Entered> last = new AtomicReference<>();
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < group.size(); i = next.getAndIncrement()) {
                        CrowdFan.Entered fan = group.get(i);
                        Instant enteredAt = Instant.now();
                        CrowdClient.Answer entered = client.enter(fan.bearer(), concertId);
                        // under faults an enter whose answer a crash swallowed is repeated: the same token, 200
                        if (!entered.is(201) && !(faults.any() && entered.is(200))) {
                            throw new IllegalStateException("enter of " + fan.userId() + " answered " + entered.status()
                                    + " " + entered.body());
                        }
                        CrowdFan.Entered inLine = new CrowdFan.Entered(fan.userId(), fan.bearer(),
                                entered.body().path("token").asString(), enteredAt, fan.intent(), fan.seatsWanted());
                        line.add(inLine);
                        last.set(inLine);
                    }
                    return null;
                }));
            }
            for (Future<?> done : running) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EnterSample(label, waitingBefore, group.size(), group.size() / seconds, last.get());
    }

    /** How many are waiting now: the place in line of the last fan to enter (0 once admitted). */
    private static long waitingNow(CrowdClient client, List<EnterSample> samples) {
        CrowdFan.Entered last = samples.get(samples.size() - 1).last();
        CrowdClient.Answer status = client.status(last.bearer(), last.token());
        return status.body().path("position").longValue();
    }

    /** Fans who walked away left holds that only the saga's timeout ends: wait for each. */
    private static void settleLapsedHolds(CrowdFan visit, List<CrowdFan.Outcome> outcomes) {
        for (CrowdFan.Outcome outcome : List.copyOf(outcomes)) {
            if (outcome.end() == CrowdFan.End.HOLD_LEFT_TO_LAPSE) {
                visit.settled(outcome.fan().bearer(), outcome.reservationId());
            }
        }
    }

    /**
     * A few bookings by one client on a small hall of their own, each request timed: run on the empty system and
     * again on the loaded one, they show whether any request's cost grows with the data.
     */
    private Map<String, List<Double>> probe(CrowdClient client, String userPrefix) {
        client.drainLatencies();
        CrowdFan visit = new CrowdFan(client, PROBE_SCHEDULE, ACTIVE_WINDOW);
        Random random = new Random(SEED);
        for (int i = 0; i < size.probeBookings(); i++) {
            String userId = userPrefix + i;
            String bearer = client.bearer(userId);
            Instant enteredAt = Instant.now();
            CrowdClient.Answer entered = client.enter(bearer, PROBE_CONCERT);
            if (!entered.is(201)) {
                throw new IllegalStateException("probe enter answered " + entered.status() + " " + entered.body());
            }
            CrowdFan.Outcome outcome = visit.visit(new CrowdFan.Entered(userId, bearer,
                    entered.body().path("token").asString(), enteredAt, CrowdFan.Intent.PAY, 1),
                    Instant.now().plusSeconds(60), random);
            if (outcome.end() != CrowdFan.End.CONFIRMED) {
                throw new IllegalStateException("probe booking of " + userId + " ended " + outcome.end() + ": " + outcome.detail());
            }
        }
        return client.drainLatencies();
    }

    /** A hall of {@code seats}: the first tenth VIP at 150, the rest R at 90. */
    static Concert hall(String concertId, String scheduleId, int seats) {
        int vip = Math.max(1, seats / 10);
        List<Seat> layout = IntStream.rangeClosed(1, seats)
                .mapToObj(seatNo -> seatNo <= vip ? new Seat(seatNo, "VIP", 150) : new Seat(seatNo, "R", 90)).toList();
        return new Concert(concertId, "Crowd night " + concertId, "The Benchmarks", "Local Arena",
                List.of(Schedule.withSeats(scheduleId, Instant.parse("2027-06-01T19:00:00Z"), layout)));
    }

    private static Table enterTable(List<EnterSample> samples) {
        Table table = new Table("Queue enters/s as the data grows (over HTTP through the local runtime)",
                "sample", "waiting before", "enters", "enters/s", "vs first");
        double baseline = samples.get(0).perSecond();
        for (EnterSample s : samples) {
            table.row(s.label(), s.waitingBefore(), s.enters(), String.format(Locale.ROOT, "%.1f", s.perSecond()),
                    Table.ratio(s.perSecond() / baseline));
        }
        return table.note("first: the empty system; the crowd's own rate runs beside the bookings it admits;"
                + " last: with the whole crowd and a loaded backlog of waiting tokens in the tokens table");
    }

    private Table crowdTable(List<CrowdFan.Outcome> outcomes, long wallNanos, List<EmulatorTimer.Call> calls,
                             Map<String, List<Double>> latencies) {
        Map<CrowdFan.End, Integer> ends = new EnumMap<>(CrowdFan.End.class);
        outcomes.forEach(o -> ends.merge(o.end(), 1, Integer::sum));
        List<Double> admitted = outcomes.stream().filter(o -> o.activatedAfterEnter() != null)
                .map(o -> o.activatedAfterEnter().toMillis() / 1.0).toList();
        List<CrowdFan.Outcome> confirmed = outcomes.stream().filter(o -> o.end() == CrowdFan.End.CONFIRMED).toList();
        List<Double> holdToConfirmed = confirmed.stream().map(CrowdFan.Outcome::holdToEndMillis).toList();
        double bookingsPerSecond = confirmed.size() / (wallNanos / 1e9);
        double requestMillis = latencies.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).sum();
        double gatewayEmulatorMillis = calls.stream().filter(c -> c.thread().startsWith("api-gateway-"))
                .mapToLong(EmulatorTimer.Call::nanos).sum() / 1e6;
        Stats admission = Stats.of(admitted);
        Stats latency = Stats.of(holdToConfirmed);
        Table table = new Table("The crowd: " + size.fans() + " fans, one " + booked.seats() + "-seat schedule, "
                + size.bookers() + " fans booking at a time, window " + size.bookingWindow().toSeconds() + " s",
                "figure", "value");
        table.row("fans' ends", ends.toString());
        table.row("entering → ACTIVE p50 / p99", Table.millis(admission.percentile(50)) + " / "
                + Table.millis(admission.percentile(99)) + " (" + admitted.size() + " fans)");
        table.row("bookings/s (CONFIRMED / crowd wall)", String.format(Locale.ROOT, "%.2f (%d in %.0f s)",
                bookingsPerSecond, confirmed.size(), wallNanos / 1e9));
        table.row("hold → CONFIRMED p50 / p99", Table.millis(latency.percentile(50)) + " / " + Table.millis(latency.percentile(99)));
        table.row("moto share of request time", Table.percent(gatewayEmulatorMillis / requestMillis));
        table.row("moto busy / wall", Table.percent(EmulatorTimer.busyNanos(calls) / (double) wallNanos));
        latencies.forEach((name, samples) -> table.row("  " + name + " p50 / p99 (n)",
                Table.millis(Stats.of(samples).percentile(50)) + " / " + Table.millis(Stats.of(samples).percentile(99))
                        + " (" + samples.size() + ")"));
        return table.note("bookings/s: CONFIRMED bookings / wall time from the crowd's first enter to the last visit's end;"
                        + " issue #4's baseline was 1.28/s")
                .note("entering → ACTIVE: activeUntil − the active window (the admitting tick) − the enter request's start")
                .note("moto share: time the API functions' AWS calls spent on the wire to moto / the fans' summed request"
                        + " latency (the saga's and the pollers' calls are in 'busy', not in the share)");
    }

    /** What the crowd asked of the emulator, by operation: where its time goes, and what a booking costs. */
    private static Table requestTable(Map<AwsRequestMeter.Key, AwsRequestMeter.Tally> requests, long wallNanos,
                                      List<CrowdFan.Outcome> outcomes) {
        Map<String, Long> byOperation = new java.util.TreeMap<>();
        requests.forEach((key, tally) -> byOperation.merge(key.service() + " " + key.operation()
                + (key.empty() ? " (empty)" : ""), tally.requests(), Long::sum));
        long confirmed = Math.max(1, outcomes.stream().filter(o -> o.end() == CrowdFan.End.CONFIRMED).count());
        long total = byOperation.values().stream().mapToLong(Long::longValue).sum();
        Table table = new Table("AWS requests to the emulator during the crowd (every client in the JVM)",
                "operation", "requests", "per second", "per CONFIRMED booking");
        byOperation.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e ->
                table.row(e.getKey(), e.getValue(), String.format(Locale.ROOT, "%.1f", e.getValue() / (wallNanos / 1e9)),
                        String.format(Locale.ROOT, "%.1f", e.getValue() / (double) confirmed)));
        table.row("all", total, String.format(Locale.ROOT, "%.1f", total / (wallNanos / 1e9)),
                String.format(Locale.ROOT, "%.1f", total / (double) confirmed));
        return table.note("per CONFIRMED booking divides everything the crowd caused (enters of fans never served,"
                + " failed bookings, pollers' empty reads) by the confirmed bookings");
    }

    /** Issue #13: every item stays far below DynamoDB's 400 KB, whatever the crowd wrote. */
    private Table largestItemTable(Map<String, Long> largest, String resourcePrefix) {
        Table table = new Table("Largest item put whole per table during the crowd (" + booked.seats() + "-seat schedule)",
                "table", "bytes", "share of 400 KB");
        largest.forEach((physical, bytes) -> table.row(physical.substring(resourcePrefix.length()), bytes,
                String.format(Locale.ROOT, "%.2f %%", 100.0 * bytes / (400 * 1024))));
        return table.note("sizes as DynamoDB counts them (attribute names + values), from every PutItem, BatchWriteItem put"
                + " and transaction Put in the JVM; updates carry no whole item and are not sized");
    }

    /** Issue #11: what was injected, what the fans had to retry, and what ended in a dead-letter or failure queue. */
    private Table faultTable(LocalRuntime runtime, CrowdClient client, List<CrowdFan.Outcome> outcomes) {
        Table table = new Table("Faults injected while the fans booked (" + faults + ")", "what", "count");
        faults.injected().forEach((fault, count) -> table.row(fault, count));
        table.row("5xx answers the fans retried", client.serverErrorsRetried());
        DeadLetterQueues.depths(runtime).forEach((queue, depth) -> table.row("messages in " + queue, depth));
        // what a crash made a fan see is the figure's explanation of its UNEXPECTED ends
        outcomes.stream().filter(o -> o.end() == CrowdFan.End.UNEXPECTED).limit(20)
                .forEach(o -> table.note("unexpected: " + o.fan().userId() + " " + o.detail()));
        return table.note("a crash kills an invocation after its handler returned (its writes done, its answer lost);"
                + " duplicate delivers an SQS message again, drop leaves it for the visibility timeout");
    }

    private static Table invariantTable(List<CrowdAudit.Verdict> verdicts) {
        Table table = new Table("The crowd's invariants", "invariant", "holds", "detail");
        verdicts.forEach(v -> table.row(v.invariant(), v.holds() ? "yes" : "NO", v.detail()));
        return table;
    }

    private Table costTable(Map<String, List<Double>> empty, Map<String, List<Double>> loaded, double loadSeconds) {
        Table table = new Table("One client's request latency: empty system vs after the crowd with a backlog of "
                + size.backlog() + " waiting tokens (" + size.probeBookings() + " bookings each)",
                "request", "empty p50", "loaded p50", "loaded / empty");
        for (String name : List.of("enter", "status", "seat map", "hold", "top-up", "pay")) {
            if (empty.containsKey(name) && loaded.containsKey(name)) {
                double before = Stats.of(empty.get(name)).median();
                double after = Stats.of(loaded.get(name)).median();
                table.row(name, Table.millis(before), Table.millis(after), Table.ratio(after / before));
            }
        }
        return table.note(String.format(Locale.ROOT, "backlog loaded with BatchWriteItem in %.0f s", loadSeconds))
                .note("pay includes the saga's run to CONFIRMED (the request waits for it briefly)");
    }
}

package io.ticketflow.bench;

import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.local.LocalOptions;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.reservation.domain.HoldPolicy;
import io.ticketflow.queue.QueueSettings;
import io.ticketflow.reservation.adapter.DynamoDbReservationRepository;
import io.ticketflow.reservation.domain.ReservationProblems;
import io.ticketflow.reservation.domain.ReservationRepository;
import io.ticketflow.reservation.domain.SeatLock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #3 / DESIGN §8: N distinct ACTIVE users hold the same seat at the same moment, over HTTP through the local
 * runtime (API gateway → {@code FunctionInvoker} → the real {@code holdSeats} → the conditional lock write on moto).
 * Exactly one may win; anything else fails the bench. The users are admitted the real way first: enter over HTTP,
 * the activation schedule, then each polls its token until the ACTIVE answer hands over the admission pass.
 */
final class SeatContention implements Figure {

    private static final String CONCERT = "concert-1";
    private static final String SCHEDULE = "schedule-1-1";
    private static final int SEAT = 7;
    private static final String WARM_UP_SCHEDULE = "schedule-1-2";
    private static final int WARM_UP_HOLDS = 5;
    /** Client threads sending the holds; the local gateway serves with 16 workers anyway. */
    private static final int MAX_IN_FLIGHT = 64;
    private static final int ENTER_CLIENTS = 8;
    private static final Duration ADMISSION_TIMEOUT = Duration.ofMinutes(3);
    private static final String GATEWAY_THREADS = "api-gateway-";
    private static final String SEAT_UNAVAILABLE = ReservationProblems.SEAT_UNAVAILABLE.uri().toString();
    private static final Set<String> FUNCTIONS = Set.of(QueueResources.ENTER_QUEUE, QueueResources.QUEUE_STATUS,
            QueueResources.ACTIVATE_QUEUE, QueueResources.QUEUE_EVENTS_RELAY, ReservationResources.ADMISSION_CONSUMER,
            ReservationResources.HOLD_SEATS, ReservationResources.CATALOG_CONSUMER, ConcertResources.CONCERT_EVENTS_RELAY);

    private final int holders;
    private final JsonMapper json = KernelBeans.newJsonMapper();

    SeatContention(int holders) {
        this.holders = holders;
    }

    @Override
    public String name() {
        return "contention";
    }

    /** One hold's answer as the client saw it. */
    private record Attempt(int status, String problemType, String reservationId, double latencyMs) {
    }

    /** A user with the pass the queue's ACTIVE answer gave them. */
    private record Holder(String bearer, String admissionPass) {
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        int users = holders + WARM_UP_HOLDS;
        // the one winner starts its booking saga on the runtime's emulator: none of its steps is deployed here
        // (Payment is not run), so it ends without touching the hold
        Map<String, String> config = Map.of(
                QueueSettings.BATCH_SIZE, String.valueOf(users),
                QueueSettings.MAX_ACTIVE, String.valueOf(users),
                QueueSettings.ACTIVE_WINDOW_SECONDS, "3600");
        LocalOptions options = new LocalOptions(0, setup.endpoint(), setup.region(), "contention-", setup.projectRoot(),
                Map.of(LocalOptions.ALL_SCHEDULES, BenchSetup.SCHEDULES_OFF_SECONDS, QueueResources.ACTIVATION_SCHEDULE, 1),
                config, true);
        List<Attempt> attempts;
        List<EmulatorTimer.Call> calls;
        long wallNanos;
        SeatLock lock;
        try (LocalRuntime runtime = LocalRuntime.start(options, BenchTopology.of(FUNCTIONS))) {
            List<Holder> admitted = admit(runtime, users);
            ReservationRepository reservations = repository(runtime);
            waitFor(() -> reservations.inventory(SCHEDULE, List.of(SEAT)).isPresent() && reservations.inventory(WARM_UP_SCHEDULE, List.of(SEAT)).isPresent(),
                    "Reservation's seat inventory of " + SCHEDULE);
            CrowdClient client = new CrowdClient(runtime, json);
            for (int i = 0; i < WARM_UP_HOLDS; i++) {
                Attempt warmUp = hold(client, admitted.get(holders + i), WARM_UP_SCHEDULE, 1 + i);
                if (warmUp.status() != 201) {
                    throw new IllegalStateException("warm-up hold answered " + warmUp.status() + " " + warmUp.problemType());
                }
            }

            EmulatorTimer timer = InstrumentedFunctions.EMULATOR_TIMER;
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(holders, MAX_IN_FLIGHT));
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<Attempt>> sent = new ArrayList<>();
                for (Holder user : admitted.subList(0, holders)) {
                    sent.add(pool.submit(() -> {
                        go.await();
                        return hold(client, user, SCHEDULE, SEAT);
                    }));
                }
                timer.start();
                long start = System.nanoTime();
                go.countDown();
                attempts = new ArrayList<>();
                for (Future<Attempt> attempt : sent) {
                    attempts.add(attempt.get());
                }
                wallNanos = System.nanoTime() - start;
                calls = timer.stop();
            } finally {
                timer.stop();
                pool.shutdownNow();
            }
            lock = reservations.seatLocks(SCHEDULE).stream().filter(l -> l.seatNo() == SEAT).findFirst().orElse(null);
        }

        List<Attempt> won = attempts.stream().filter(a -> a.status() == 201).toList();
        List<Attempt> conflicts = attempts.stream().filter(SeatContention::isConflict).toList();
        Map<String, Integer> others = new TreeMap<>();
        attempts.stream().filter(a -> a.status() != 201 && !isConflict(a))
                .forEach(a -> others.merge(a.status() + " " + a.problemType(), 1, Integer::sum));
        if (won.size() != 1) {
            throw new IllegalStateException(won.size() + " of " + holders + " holds on one seat succeeded (must be 1); others " + others);
        }
        if (lock == null || !lock.reservationId().equals(won.get(0).reservationId())) {
            throw new IllegalStateException("the seat's lock " + lock + " is not the winner's " + won.get(0).reservationId());
        }
        Stats latency = Stats.of(attempts.stream().map(Attempt::latencyMs).toList());
        double latencySumMs = attempts.stream().mapToDouble(Attempt::latencyMs).sum();
        double gatewayEmulatorMs = calls.stream().filter(c -> c.thread().startsWith(GATEWAY_THREADS))
                .mapToLong(EmulatorTimer.Call::nanos).sum() / 1e6;
        Table table = new Table("Concurrent holds on one seat: " + holders + " distinct ACTIVE users, POST /reservations"
                + " over HTTP through the local runtime", "measured", "value")
                .row("successes (must be 1)", won.size())
                .row("conflicts (409 seat-unavailable)", conflicts.size())
                .row("other errors", others.isEmpty() ? "0" : others.toString())
                .row("latency p50", Table.millis(latency.percentile(50)))
                .row("latency p99", Table.millis(latency.percentile(99)))
                .row("latency max", Table.millis(latency.max()))
                .row("holds/s (all answered)", String.format(Locale.ROOT, "%.1f", holders / (wallNanos / 1e9)))
                .row("moto share of request time", Table.percent(gatewayEmulatorMs / latencySumMs))
                .row("moto busy / wall", Table.percent(EmulatorTimer.busyNanos(calls) / (double) wallNanos))
                .note("all " + holders + " requests released at once from " + Math.min(holders, MAX_IN_FLIGHT)
                        + " client threads; the local API gateway serves with 16 workers, so latency includes its queue")
                .note("the winner's reservation id is the seat's lock item (checked); every loser wrote nothing"
                        + " (one TransactWriteItems: lock condition + reservation + outbox event)")
                .note("each hold: BatchGetItem (seat inventory) + the pass's signature checked in memory + GetItem"
                        + " (revocation view) + TransactWriteItems; moto applies"
                        + " DynamoDB requests one at a time (.moto/moto_server_serialized.py), which serialises the race"
                        + " here — on DynamoDB the condition decides the same way under real parallelism")
                .note("moto share of request time = the hold functions' AWS calls on the wire to moto / the clients' summed"
                        + " latency; moto busy / wall = time with any call waiting on moto / wall time")
                .note("the " + users + " users were admitted first through the real queue (enter over HTTP, activation"
                        + " schedule, status polled until ACTIVE hands over the admission pass); " + WARM_UP_HOLDS
                        + " warm-up holds on another schedule before the measured burst");
        return List.of(table);
    }

    private static boolean isConflict(Attempt attempt) {
        return attempt.status() == 409 && SEAT_UNAVAILABLE.equals(attempt.problemType());
    }

    /** Enters every user over HTTP, then polls each token until its ACTIVE answer carries the pass. */
    private List<Holder> admit(LocalRuntime runtime, int users) throws InterruptedException {
        QueueApi api = new QueueApi(runtime, json);
        List<QueueApi.Entered> entered = api.enterAll(CONCERT,
                IntStream.range(0, users).mapToObj(i -> "holder-" + i).toList(), ENTER_CLIENTS);
        List<Holder> admitted = new ArrayList<>();
        for (QueueApi.Entered user : entered) {
            admitted.add(new Holder(runtime.devToken(user.userId()), api.awaitActive(user, ADMISSION_TIMEOUT)));
        }
        return admitted;
    }

    private static Attempt hold(CrowdClient client, Holder user, String scheduleId, int seatNo) {
        long sent = System.nanoTime();
        CrowdClient.Answer answer = client.hold(user.bearer(), user.admissionPass(), scheduleId, List.of(seatNo));
        double latencyMs = (System.nanoTime() - sent) / 1e6;
        return new Attempt(answer.status(), answer.problemType(), answer.body().path("reservationId").asString(""),
                latencyMs);
    }

    private static ReservationRepository repository(LocalRuntime runtime) {
        var settings = runtime.settings();
        var dynamoDb = runtime.clients().dynamoDb();
        JsonMapper json = KernelBeans.newJsonMapper();
        return DynamoDbReservationRepository.onTables(dynamoDb, settings::physicalName, HoldPolicy.defaults(), json,
                Clock.systemUTC());
    }

    private static void waitFor(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + ADMISSION_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + ADMISSION_TIMEOUT);
            }
            Thread.sleep(200);
        }
    }
}

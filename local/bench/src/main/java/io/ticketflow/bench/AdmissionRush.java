package io.ticketflow.bench;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.admission.AdmissionPassVerifier;
import io.ticketflow.kernel.function.InvocationContext;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.messaging.AdmissionGate;
import io.ticketflow.queue.QueueSettings;
import io.ticketflow.reservation.domain.ReservationProblems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #10's acceptance scenario, over real HTTP through the local runtime: {@code users} wait in one concert's
 * queue while it admits nobody, ONE activation tick makes them all ACTIVE, and each, the moment its status poll says
 * so, holds a seat of its own with the admission pass that very answer carried. The goal is no refusal, and a hold as
 * fast as a plain one on the idle system: nothing has to reach Reservation between the tick and the hold any more.
 * A second table sets what the pass costs the hold path in memory beside the one admission read left on it.
 */
final class AdmissionRush implements Figure {

    private static final String CONCERT = "admission-rush";
    private static final String SCHEDULE = "admission-rush-main";
    /** Already ACTIVE before the rush, on the idle system: the plain holds' user. */
    private static final String PLAIN_HOLDER = "plain-holder";
    /** Client threads polling and holding; the local API gateway serves with 16 workers. */
    private static final int CLIENTS = 96;
    private static final int ENTER_CLIENTS = 8;
    /** The first holds also wait out Reservation's seat inventory, which follows the concert's publication. */
    private static final int WARM_UP_HOLDS = 10;
    private static final int PLAIN_HOLDS = 20;
    /** The pollers are asking about WAITING tokens when the tick comes, as a crowd would be. */
    private static final Duration POLLING_BEFORE_TICK = Duration.ofSeconds(1);
    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration INVENTORY_TIMEOUT = Duration.ofSeconds(60);
    private static final int VERIFICATIONS = 20_000;
    private static final int WARM_UP_VERIFICATIONS = 5_000;
    private static final int REVOCATION_READS = 500;
    private static final int WARM_UP_READS = 50;
    private static final String UNKNOWN_SCHEDULE = ReservationProblems.UNKNOWN_SCHEDULE.uri().toString();
    private static final Set<String> FUNCTIONS = Set.of(QueueResources.ENTER_QUEUE, QueueResources.QUEUE_STATUS,
            QueueResources.ACTIVATE_QUEUE, QueueResources.QUEUE_EVENTS_RELAY, QueueResources.CONCERT_CONSUMER,
            ReservationResources.HOLD_SEATS, ReservationResources.CANCEL_RESERVATION,
            ReservationResources.ADMISSION_CONSUMER, ReservationResources.CATALOG_CONSUMER,
            ConcertResources.CONCERT_EVENTS_RELAY);

    private final int users;
    private final JsonMapper json = KernelBeans.newJsonMapper();

    AdmissionRush(int users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "admission";
    }

    /** One rushing user's hold as the client saw it. */
    private record RushHold(int status, String problemType, double activeToAnswerMs, long answeredNanos) {
    }

    /** What the one activation tick did. */
    private record Tick(int activated, long startNanos, double millis) {
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        Map<String, String> config = Map.of(
                QueueSettings.BATCH_SIZE, String.valueOf(users),
                // the plain holder stays ACTIVE through the rush: one place more, or the tick would leave a user out
                QueueSettings.MAX_ACTIVE, String.valueOf(users + 1),
                // every hold starts its booking saga on the runtime's emulator (the Reservation service requires
                // one): none of its steps is deployed here, so it ends without touching the hold, and both kinds
                // of hold do exactly the same work
                QueueSettings.ACTIVE_WINDOW_SECONDS, "3600");
        // the schedules are held back: the figure ticks the activation itself, once for the plain holder, once for all
        try (LocalRuntime runtime = LocalRuntime.start(setup.runtimeOptions("admission-", config, false),
                BenchTopology.of(FUNCTIONS))) {
            CrowdClient client = new CrowdClient(runtime, json);
            QueueApi queue = new QueueApi(runtime, json);
            FunctionInvoker activation = new FunctionInvoker(QueueResources.ACTIVATE_QUEUE);
            runtime.publish(Crowd.hall(CONCERT, SCHEDULE, WARM_UP_HOLDS + PLAIN_HOLDS + users));

            String plainBearer = client.bearer(PLAIN_HOLDER);
            QueueApi.Entered plainHolder = new QueueApi.Entered(PLAIN_HOLDER,
                    client.enterWhenOpen(plainBearer, CONCERT).body().path("token").asString());
            tick(activation, 1);
            String plainPass = queue.awaitActive(plainHolder, ACTIVE_TIMEOUT);
            List<Double> plainMs = plainHolds(client, plainBearer, plainPass);

            int firstRushSeat = WARM_UP_HOLDS + PLAIN_HOLDS + 1;
            List<QueueApi.Entered> rushing = queue.enterAll(CONCERT,
                    IntStream.range(0, users).mapToObj(i -> "rush-" + i).toList(), ENTER_CLIENTS);
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(CLIENTS, users));
            List<RushHold> holds = new ArrayList<>();
            Tick tick;
            long motoBusyNanos;
            EmulatorTimer timer = InstrumentedFunctions.EMULATOR_TIMER;
            try {
                List<Future<RushHold>> sent = new ArrayList<>();
                for (int i = 0; i < users; i++) {
                    QueueApi.Entered user = rushing.get(i);
                    int seatNo = firstRushSeat + i;
                    sent.add(pool.submit(() -> rushHold(queue, client, user, seatNo)));
                }
                Thread.sleep(POLLING_BEFORE_TICK.toMillis());
                timer.start();
                tick = tick(activation, users);
                for (Future<RushHold> hold : sent) {
                    holds.add(hold.get());
                }
                motoBusyNanos = EmulatorTimer.busyNanos(timer.stop());
            } finally {
                timer.stop();
                pool.shutdownNow();
            }

            List<Table> tables = List.of(rushTable(holds, tick, motoBusyNanos, plainMs),
                    costTable(runtime, plainPass));
            long refused = holds.stream().filter(h -> h.status() == 403).count();
            long failedOtherwise = holds.stream().filter(h -> h.status() != 201 && h.status() != 403).count();
            if (refused + failedOtherwise > 0) {
                tables.forEach(table -> System.err.print(table.render()));
                throw new IllegalStateException(refused + " of " + users + " holds refused and " + failedOtherwise
                        + " failed otherwise; the goal is none");
            }
            return tables;
        }
    }

    /**
     * Warm-up holds, asked again while Reservation does not know the schedule yet, then the measured ones one after
     * the other, each on a seat of its own. Each is given back before the next: a token has one hold at a time.
     */
    private List<Double> plainHolds(CrowdClient client, String bearer, String pass) {
        long deadline = System.nanoTime() + INVENTORY_TIMEOUT.toNanos();
        for (int seatNo = 1; seatNo <= WARM_UP_HOLDS; ) {
            CrowdClient.Answer held = client.hold(bearer, pass, SCHEDULE, List.of(seatNo));
            if (held.is(201)) {
                giveBack(client, bearer, pass, held);
                seatNo++;
            } else if (!UNKNOWN_SCHEDULE.equals(held.problemType()) || System.nanoTime() > deadline) {
                throw new IllegalStateException("warm-up hold answered " + held.status() + " " + held.body());
            } else {
                CrowdFan.pause(QueueApi.STATUS_POLL_PAUSE);
            }
        }
        List<Double> millis = new ArrayList<>();
        for (int seatNo = WARM_UP_HOLDS + 1; seatNo <= WARM_UP_HOLDS + PLAIN_HOLDS; seatNo++) {
            long sent = System.nanoTime();
            CrowdClient.Answer held = client.hold(bearer, pass, SCHEDULE, List.of(seatNo));
            millis.add((System.nanoTime() - sent) / 1e6);
            if (!held.is(201)) {
                throw new IllegalStateException("plain hold answered " + held.status() + " " + held.body());
            }
            giveBack(client, bearer, pass, held);
        }
        return millis;
    }

    private static void giveBack(CrowdClient client, String bearer, String pass, CrowdClient.Answer held) {
        CrowdClient.Answer cancelled = client.cancelHold(bearer, pass, held.body().path("reservationId").asString());
        if (!cancelled.is(200)) {
            throw new IllegalStateException("cancelling a hold answered " + cancelled.status() + " " + cancelled.body());
        }
    }

    /** Polls until ACTIVE, then holds at once with the pass that answer carried. */
    private static RushHold rushHold(QueueApi queue, CrowdClient client, QueueApi.Entered user, int seatNo) {
        String pass = queue.awaitActive(user, ACTIVE_TIMEOUT);
        long activeSeen = System.nanoTime();
        CrowdClient.Answer held = client.hold(client.bearer(user.userId()), pass, SCHEDULE, List.of(seatNo));
        long answered = System.nanoTime();
        return new RushHold(held.status(), held.problemType(), (answered - activeSeen) / 1e6, answered);
    }

    /** One activation tick through {@code FunctionInvoker}, as the schedule runs it; it must admit {@code expected}. */
    private Tick tick(FunctionInvoker activation, int expected) throws Exception {
        byte[] event = json.writeValueAsBytes(json.createObjectNode().put("concertId", CONCERT));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        long start = System.nanoTime();
        activation.handleRequest(new ByteArrayInputStream(event), output,
                InvocationContext.of(QueueResources.ACTIVATE_QUEUE, 60));
        double millis = (System.nanoTime() - start) / 1e6;
        JsonNode report = json.readTree(output.toByteArray());
        int activated = report.path("queues").path(0).path("activated").asInt();
        if (activated != expected) {
            throw new IllegalStateException("the tick activated " + activated + ", not " + expected + ": " + report);
        }
        return new Tick(activated, start, millis);
    }

    private Table rushTable(List<RushHold> holds, Tick tick, long motoBusyNanos, List<Double> plainMs) {
        List<Double> accepted = holds.stream().filter(h -> h.status() == 201).map(RushHold::activeToAnswerMs).toList();
        Map<String, Integer> refusals = new TreeMap<>();
        holds.stream().filter(h -> h.status() != 201)
                .forEach(h -> refusals.merge(h.status() + " " + h.problemType(), 1, Integer::sum));
        long refused = holds.stream().filter(h -> h.status() == 403).count();
        long rushNanos = holds.stream().mapToLong(RushHold::answeredNanos).max().orElseThrow() - tick.startNanos();
        double plain = Stats.of(plainMs).median();
        Table table = new Table("Admission pass: " + users + " users made ACTIVE by one tick hold at once (POST"
                + " /reservations with X-Admission-Pass, over HTTP through the local runtime)",
                "users", "refused (goal 0)", "ACTIVE → hold 201 p50", "p99", "plain hold p50 (idle)", "p50 / plain");
        if (accepted.isEmpty()) {
            table.row(users, refused, "-", "-", Table.millis(plain), "-");
        } else {
            Stats rush = Stats.of(accepted);
            table.row(users, refused, Table.millis(rush.percentile(50)), Table.millis(rush.percentile(99)),
                    Table.millis(plain), Table.ratio(rush.percentile(50) / plain));
        }
        return table
                .note("problem types of the holds not accepted: " + (refusals.isEmpty() ? "none" : refusals))
                .note(String.format(Locale.ROOT, "the one tick activated %d in %s; the last hold was answered %s after"
                        + " it started; moto was busy %s of that time (the functions' calls)", tick.activated(),
                        Table.millis(tick.millis()), Table.millis(rushNanos / 1e6),
                        Table.percent(motoBusyNanos / (double) rushNanos)))
                .note("ACTIVE → hold 201: from the status answer that said ACTIVE (it carries the pass) to the hold's"
                        + " answer; " + Math.min(CLIENTS, users) + " client threads poll every "
                        + QueueApi.STATUS_POLL_PAUSE.toMillis() + " ms and hold at once, one distinct seat each")
                .note("under the rush that time includes the queues in front of the local gateway's 16 workers and of"
                        + " moto, which applies DynamoDB requests one at a time; the plain hold meets neither")
                .note("plain hold: one user already ACTIVE on the idle system, " + PLAIN_HOLDS + " holds one after the"
                        + " other (after " + WARM_UP_HOLDS + " warm-up holds), each given back before the next (a token"
                        + " holds one at a time), median; the same function, pass check and writes as under the rush")
                .note("nothing travels from the queue to Reservation between the tick and the hold: the pass is"
                        + " checked against the queue's public key, QUEUE_ACTIVATED goes to no service");
    }

    /**
     * The pass check in memory against the one admission read left on the hold path, in the same run: the
     * verifier with the key the runtime gave Reservation, on a pass the queue really issued.
     */
    private Table costTable(LocalRuntime runtime, String pass) {
        // locally the functions read their configuration from system properties: the key Reservation checks with
        AdmissionPassVerifier verifier = AdmissionKeys.verifier(System::getProperty, runtime.clients()::kms);
        DynamoDbClient dynamoDb = runtime.clients().dynamoDb();
        String revocations = runtime.settings().physicalName(ReservationResources.ADMISSIONS_TABLE);
        Map<String, AttributeValue> key = Map.of(Catalogue.ADMISSION_PARTITION_KEY,
                AttributeValue.fromS(verifier.read(pass).queueToken()));
        AdmissionGate gate = new AdmissionGate(verifier, dynamoDb, revocations);

        Stats verify = micros(WARM_UP_VERIFICATIONS, VERIFICATIONS, () -> verifier.read(pass));
        Stats read = micros(WARM_UP_READS, REVOCATION_READS, () -> dynamoDb.getItem(request -> request
                .tableName(revocations).key(key).consistentRead(true)));
        Stats admit = micros(WARM_UP_READS, REVOCATION_READS,
                () -> gate.admit(pass, PLAIN_HOLDER, CONCERT, Instant.now()));
        return new Table("What admission costs a hold, in process (medians, same run)", "step", "calls", "median",
                "vs pass check")
                .row("pass check: AdmissionPassVerifier.read (ES256, in memory)", verify.count(),
                        Table.micros(verify.median()), Table.ratio(1))
                .row("revocation view: consistent GetItem (moto)", read.count(), Table.micros(read.median()),
                        Table.ratio(read.median() / verify.median()))
                .row("AdmissionGate.admit: both, as the hold runs them", admit.count(), Table.micros(admit.median()),
                        Table.ratio(admit.median() / verify.median()))
                .note("the revocation-view GetItem is the only admission read left on the hold and pay path, and it"
                        + " reads the service's own table (" + ReservationResources.ADMISSIONS_TABLE + ", fed by"
                        + " QUEUE_EXPIRED / QUEUE_RESTORED): no call to the queue, no event to wait for")
                .note("the pass check after " + WARM_UP_VERIFICATIONS + " warm-up calls, the reads after "
                        + WARM_UP_READS + "; the token here was never revoked, so the GetItem finds no item, as for"
                        + " nearly every hold");
    }

    /** Microseconds per call, each timed on its own. */
    private static Stats micros(int warmUps, int calls, Supplier<?> call) {
        for (int i = 0; i < warmUps; i++) {
            call.get();
        }
        List<Double> micros = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            Object result = call.get();
            micros.add((System.nanoTime() - start) / 1e3);
            if (result == null) {
                throw new IllegalStateException("a timed call returned nothing");
            }
        }
        return Stats.of(micros);
    }
}

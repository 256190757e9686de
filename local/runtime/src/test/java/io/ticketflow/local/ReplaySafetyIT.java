package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.EventRoute;
import io.ticketflow.catalog.FunctionKind;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.QueueSpec;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.QueueSubscription;
import io.ticketflow.catalog.StreamSubscription;
import io.ticketflow.catalog.TableSpec;
import io.ticketflow.local.stepfunctions.ExecutionStatus;
import io.ticketflow.statemachine.SagaDefinition;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every SQS consumer, stream relay and saga task of the catalogue is replay-safe: real bookings through the local
 * runtime record what each was invoked with; delivering all of it again — twice, in reverse order, or with a poisoned
 * record beside it — leaves every table exactly as the single delivery left it (balances, ledgers, seats, read models,
 * outboxes), and puts nothing new on a dead-letter, failure or operator queue.
 *
 * <p>Which functions must be covered comes from the catalogue ({@link FunctionKind#SQS}, {@link FunctionKind#STREAM},
 * {@link FunctionKind#SAGA_TASK}): a new consumer or task that the bookings below do not reach fails the test by name.
 */
@ExtendWith(MotoExtension.class)
class ReplaySafetyIT {

    /** Every consumer and saga task runs here, replays included: each call must be one its catalogue grants allow. */
    @RegisterExtension
    static final GrantsAudit.Check GRANTS = new GrantsAudit.Check("releaseSeats", "refundPoints", "cancelPayment",
            "restoreQueueToken", "reportStuckBooking");

    /** How the recorded invocations are delivered again. */
    enum Delivery {
        /** Each again, in the order they first came: SQS's and Step Functions' at-least-once. */
        TWICE,
        /** All again, last first: a redelivery overtaken by what followed it. */
        REVERSED,
        /**
         * Each batch again with one poisoned record beside it, which alone must be named as failed while the rest
         * apply (as no-ops); each saga task twice, the first answer lost as in a crash after the write, and the retry
         * answering what the lost attempt did.
         */
        AFTER_PARTIAL_FAILURE
    }

    private static final Set<FunctionKind> REPLAYED = EnumSet.of(FunctionKind.SQS, FunctionKind.STREAM,
            FunctionKind.SAGA_TASK);
    private static final Map<String, FunctionKind> KINDS = Catalogue.functions().stream()
            .collect(Collectors.toMap(FunctionSpec::name, FunctionSpec::kind));
    private static final String CONCERT = "replay-hall";
    private static final String SCHEDULE = "replay-hall-1";
    private static final int PRICE = 40;
    /** Short enough for the expired hold to end while the other bookings run, long enough to pay within it. */
    private static final int HOLD_SECONDS = 12;
    private static final String CONCERT_DOCUMENT = """
            {"concertId": "replay-hall", "title": "Replay", "artist": "The Duplicates", "venue": "Hall",
             "schedules": [{"scheduleId": "replay-hall-1", "startsAt": "2027-05-01T20:00:00Z",
               "sections": [{"section": "FLOOR", "firstSeat": 1, "lastSeat": 12, "grade": "R", "price": 40}]}]}
            """;
    /** A quiet spell this long, with every queue empty and no saga running, is taken as the end of the work. */
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration SETTLE_WAIT = Duration.ofSeconds(120);

    private static LocalRuntime runtime;
    private static Bookings bookings;
    private static final List<Invocation> recorded = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicLong eventInvocations = new AtomicLong();
    private static volatile boolean recording = true;
    private static Map<String, List<String>> singleDelivery;
    private static Map<String, Long> sinksAfterSingleDelivery;

    /** One invocation as the event source or Step Functions made it. */
    private record Invocation(String function, FunctionKind kind, JsonNode event) {
    }

    @BeforeAll
    static void bookEveryWayOnce(EmulatorEndpoint endpoint) {
        // Only activation ticks: the other schedules would change the state between snapshots on their own clock.
        runtime = LocalRuntime.start(new LocalOptions(0, endpoint.uri(), endpoint.region(), "replay-",
                ProjectRoot.find(), Map.of(LocalOptions.ALL_SCHEDULES, 3_600, QueueResources.ACTIVATION_SCHEDULE, 1),
                Map.of("RESERVATION_HOLD_SECONDS", String.valueOf(HOLD_SECONDS)), false),
                Topology.catalogue());
        bookings = new Bookings(runtime);
        runtime.listen((function, event, answer, failure) -> {
            FunctionKind kind = KINDS.get(function);
            if (kind == null || !REPLAYED.contains(kind)) {
                return;
            }
            eventInvocations.incrementAndGet();
            if (recording) {
                recorded.add(new Invocation(function, kind, event));
            }
        });

        publishConcert();
        Bookings.User expires = bookings.user("expires");
        Eventually.within(Bookings.WAIT, () -> expires.entered(CONCERT)); // CONCERT_PUBLISHED opens the queue
        expires.admittedTo(CONCERT).holding(SCHEDULE, 1);
        Bookings.User confirmed = bookings.user("confirmed").admittedTo(CONCERT).holding(SCHEDULE, 2, 3).toppedUp(500);
        settle(confirmed, null, "CONFIRMED");
        Bookings.User shortOfPoints = bookings.user("short").admittedTo(CONCERT).holding(SCHEDULE, 4).toppedUp(PRICE - 1);
        settle(shortOfPoints, null, "FAILED");
        Bookings.User paymentFails = bookings.user("declined").admittedTo(CONCERT).holding(SCHEDULE, 5).toppedUp(500);
        settle(paymentFails, "authorisePayment", "FAILED");
        Bookings.User cancelsHold = bookings.user("cancels").admittedTo(CONCERT).holding(SCHEDULE, 6);
        HttpResponse<String> cancelled = bookings.send("DELETE", "/reservations/" + cancelsHold.reservationId,
                cancelsHold.bearer, null, cancelsHold.passHeader());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isBetween(200, 204);
        Bookings.User regrets = bookings.user("regrets").admittedTo(CONCERT).holding(SCHEDULE, 7).toppedUp(500);
        settle(regrets, null, "CONFIRMED");
        HttpResponse<String> cancellation = bookings.send("POST", "/reservations/" + regrets.reservationId
                + "/cancellation", regrets.bearer, null, Map.of());
        assertThat(cancellation.statusCode()).as(cancellation.body()).isEqualTo(202);
        Bookings.User stuck = bookings.user("stuck").admittedTo(CONCERT).holding(SCHEDULE, 8).toppedUp(500);
        settle(stuck, "confirmReservation,refundPoints", "FAILED");
        assertThat(expires.settledBooking().path("error").asString()).isEqualTo("HoldExpired");

        awaitQuiescence();
        recording = false;
        singleDelivery = snapshot();
        sinksAfterSingleDelivery = sinkDepths();
        System.out.println("recorded " + recorded.size() + " invocations: " + recorded.stream()
                .collect(Collectors.groupingBy(Invocation::function, TreeMap::new, Collectors.counting())));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @ParameterizedTest(name = "delivered {0}: every consumer, relay and saga task of the catalogue")
    @EnumSource(Delivery.class)
    void deliveredAgain_leavesTheSingleDeliveryState(Delivery delivery) {
        Set<String> required = KINDS.entrySet().stream().filter(e -> REPLAYED.contains(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = recorded.stream().map(Invocation::function).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(covered);
        assertThat(missing).as("catalogue functions no booking above invoked, so nothing shows they are replay-safe")
                .isEmpty();
        List<Invocation> order = new ArrayList<>(recorded);
        if (delivery == Delivery.REVERSED) {
            Collections.reverse(order);
        }

        order.forEach(invocation -> deliver(invocation, delivery));
        awaitQuiescence();

        assertThat(differences(singleDelivery, snapshot())).as("tables after delivering %s", delivery).isEmpty();
        assertThat(sinkDepths()).as("dead-letter, failure and operator queues").isEqualTo(sinksAfterSingleDelivery);
        System.out.println("replay-safe: " + covered.size() + "/" + required.size() + " consumers and tasks, delivered "
                + delivery + ": " + String.join(", ", covered));
    }

    private static void deliver(Invocation invocation, Delivery delivery) {
        switch (invocation.kind()) {
            case SQS, STREAM -> {
                if (delivery == Delivery.AFTER_PARTIAL_FAILURE) {
                    ObjectNode poisoned = withPoisonedRecord(invocation);
                    String poison = identifier(invocation.kind(), lastRecord(poisoned));
                    assertThat(BatchFailures.itemIdentifiers(runtime.invoke(invocation.function(), poisoned)))
                            .as("%s's answer to a batch with one poisoned record", invocation.function())
                            .containsExactly(poison);
                } else {
                    assertThat(BatchFailures.itemIdentifiers(runtime.invoke(invocation.function(), invocation.event())))
                            .as("%s's answer to a batch delivered again", invocation.function()).isEmpty();
                }
            }
            case SAGA_TASK -> {
                Object lost = task(invocation);
                if (delivery == Delivery.AFTER_PARTIAL_FAILURE) {
                    assertThat(task(invocation)).as("%s retried after a crash lost its answer", invocation.function())
                            .isEqualTo(lost);
                }
            }
            default -> throw new IllegalArgumentException(invocation.function() + " is not delivered again");
        }
    }

    /** A task's answer, or the error Step Functions would see; either is an answer a retry must repeat. */
    private static Object task(Invocation invocation) {
        try {
            return runtime.invoke(invocation.function(), invocation.event());
        } catch (LocalLambdas.FunctionFailed failed) {
            return failed.getCause().getClass().getSimpleName();
        }
    }

    /** The batch with a copy of its first record that no consumer can read, added last. */
    private static ObjectNode withPoisonedRecord(Invocation invocation) {
        ObjectNode event = (ObjectNode) invocation.event().deepCopy();
        ArrayNode records = (ArrayNode) event.path("Records");
        ObjectNode poison = (ObjectNode) records.get(0).deepCopy();
        if (invocation.kind() == FunctionKind.SQS) {
            poison.put("messageId", "poison-" + UUID.randomUUID());
            poison.put("body", "{\"eventId\": ");
            poison.remove("md5OfBody");
        } else {
            ObjectNode dynamodb = (ObjectNode) poison.path("dynamodb");
            // after every record of the batch, as a stream's sequence numbers grow
            dynamodb.put("SequenceNumber", sequence(records) + "9");
            dynamodb.putObject("NewImage").putObject("poison").put("S", "not an event");
            poison.put("eventName", "INSERT");
        }
        records.add(poison);
        return event;
    }

    private static String sequence(ArrayNode records) {
        return records.get(records.size() - 1).path("dynamodb").path("SequenceNumber").asString();
    }

    private static JsonNode lastRecord(ObjectNode event) {
        JsonNode records = event.path("Records");
        return records.get(records.size() - 1);
    }

    private static String identifier(FunctionKind kind, JsonNode record) {
        return kind == FunctionKind.SQS ? record.path("messageId").asString()
                : record.path("dynamodb").path("SequenceNumber").asString();
    }

    private static void publishConcert() {
        String admin = runtime.devToken("ops", List.of("ticketflow/admin"));
        HttpResponse<String> published = bookings.send("POST", "/admin/concerts", admin, CONCERT_DOCUMENT, Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    }

    /** Pays (a fault injected at {@code faultAt}, if any) and waits for the saga's end. */
    private static void settle(Bookings.User user, String faultAt, String sagaStatus) {
        user.payOnceAwaited("key-" + user.userId, faultAt);
        assertThat(user.settledBooking().path("status").asString()).as(user.lastPayAnswer).isEqualTo(sagaStatus);
    }

    /**
     * Until no saga runs, every consumer queue is empty (none in flight either) and no consumer, relay or task was
     * invoked for {@link #QUIET}: what a replay set off — a relay's messages, their consumers — has then run.
     */
    private static void awaitQuiescence() {
        long deadline = System.nanoTime() + SETTLE_WAIT.toNanos();
        while (true) {
            long before = eventInvocations.get();
            sleep(QUIET);
            if (eventInvocations.get() == before && noSagaRuns() && consumerQueuesEmpty()) {
                return;
            }
            assertThat(System.nanoTime()).as("the runtime is still busy after " + SETTLE_WAIT).isLessThan(deadline);
        }
    }

    private static boolean noSagaRuns() {
        return SagaDefinition.all().stream().allMatch(saga -> runtime.stepFunctions()
                .listExecutions(runtime.stateMachineArn(saga), ExecutionStatus.RUNNING).isEmpty());
    }

    private static boolean consumerQueuesEmpty() {
        return Catalogue.queueSubscriptions().stream().map(QueueSubscription::queue)
                .allMatch(queue -> depth(queue, true) == 0);
    }

    /**
     * The queues nothing consumes here and nothing may add to when a delivery repeats: every dead-letter queue, the
     * relays' failure queues and the operators' stuck-booking queue. Left out: the audit queues, which a relay feeds
     * at least once by design — a repeated stream batch sends its events again, and their reader drops the copies by
     * event id as every consumer does (the consumers' queues above show that: they end empty, their tables unchanged).
     */
    private static Map<String, Long> sinkDepths() {
        Set<String> consumed = Catalogue.queueSubscriptions().stream().map(QueueSubscription::queue)
                .collect(Collectors.toSet());
        Set<String> relayed = Catalogue.eventRoutes().stream().map(EventRoute::queue).collect(Collectors.toSet());
        Map<String, Long> depths = new TreeMap<>();
        for (QueueSpec queue : Catalogue.queues()) {
            depths.put(queue.deadLetterQueueName(), depth(queue.deadLetterQueueName(), false));
            if (!consumed.contains(queue.name()) && !relayed.contains(queue.name())) {
                depths.put(queue.name(), depth(queue.name(), false));
            }
        }
        assertThat(depths.keySet()).as("every relay's failure queue is watched").containsAll(
                Catalogue.streamSubscriptions().stream().map(StreamSubscription::failureQueue).toList());
        return depths;
    }

    private static long depth(String queue, boolean withInFlight) {
        SqsClient sqs = runtime.clients().sqs();
        String url = sqs.getQueueUrl(r -> r.queueName(runtime.settings().physicalName(queue))).queueUrl();
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        long visible = Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        return withInFlight
                ? visible + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                : visible;
    }

    /**
     * Every item of every table of the catalogue, each as its attributes in name order, sorted. Nothing is left out:
     * a replay that rewrites a timestamp or a TTL has changed the state, and shows here.
     */
    private static Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (TableSpec table : Catalogue.tables()) {
            List<String> items = new ArrayList<>();
            runtime.clients().dynamoDb().scanPaginator(r -> r.tableName(runtime.settings().physicalName(table.name())))
                    .items().forEach(item -> items.add(describe(item)));
            Collections.sort(items);
            tables.put(table.name(), items);
        }
        return tables;
    }

    private static String describe(Map<String, AttributeValue> item) {
        Map<String, String> sorted = new TreeMap<>();
        item.forEach((name, value) -> sorted.put(name, value.toString()));
        return sorted.toString();
    }

    /** Per table, the items only before ("-") and only after ("+") the delivery. */
    private static Map<String, List<String>> differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        Map<String, List<String>> differences = new LinkedHashMap<>();
        for (String table : before.keySet()) {
            List<String> lines = new ArrayList<>();
            Set<String> was = new TreeSet<>(before.get(table));
            Set<String> is = new TreeSet<>(after.getOrDefault(table, List.of()));
            was.stream().filter(item -> !is.contains(item)).forEach(item -> lines.add("- " + item));
            is.stream().filter(item -> !was.contains(item)).forEach(item -> lines.add("+ " + item));
            if (before.get(table).size() != after.getOrDefault(table, List.of()).size()) {
                lines.add("item count " + before.get(table).size() + " → " + after.getOrDefault(table, List.of()).size());
            }
            if (!lines.isEmpty()) {
                differences.put(table, lines);
            }
        }
        return differences;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.ticketflow.reservation;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.catalog.Service;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventSchemas;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.messaging.EventStore;
import io.ticketflow.messaging.FreshAccount;
import io.ticketflow.reservation.adapter.DynamoDbReservationRepository;
import io.ticketflow.reservation.domain.BookingSagas;
import io.ticketflow.reservation.domain.ReservationRepository;
import io.ticketflow.reservation.function.SweepReport;
import io.ticketflow.testsupport.EmulatorEndpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import io.ticketflow.kernel.testing.TestPasses;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.services.dynamodb.model.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Reservation service as Lambda runs it, against the emulator: its tables created from the catalogue, its
 * functions built by {@link ReservationFunctions} in a context of their own and invoked with event JSON in and
 * response JSON out. Inventory and admissions are fed through the service's own consumers.
 */
final class ReservationFixture implements AutoCloseable {

    static final String CONCERT = "concert-1";
    static final String SCHEDULE = "schedule-1-1";
    static final String OTHER_CONCERT = "concert-2";
    static final String OTHER_SCHEDULE = "schedule-2-1";

    private static final EventSchemas SCHEMAS = EventSchemas.load();

    final JsonMapper json = KernelBeans.newJsonMapper();
    final AwsClients aws;
    private final GenericApplicationContext ctx;
    private final byte[] holdTemplate;
    private final TestPasses queue = new TestPasses();
    private final Map<String, String> passByToken = new ConcurrentHashMap<>();
    private final Map<String, String> sagaSettings;

    private ReservationFixture(EmulatorEndpoint endpoint, Map<String, Object> properties, Clock clock,
                               Function<ReservationFixture, BookingSagas> sagas) {
        this.aws = FreshAccount.clients(endpoint);
        CatalogueProvisioner provisioner = new CatalogueProvisioner(aws.dynamoDb(), aws.sqs(), aws.settings(), json);
        Catalogue.tables().stream().filter(table -> table.owner() == Service.RESERVATION).forEach(provisioner::table);
        Catalogue.queues().stream().filter(queue -> queue.owner() == Service.RESERVATION).forEach(provisioner::queue);
        Map<String, Object> environment = new HashMap<>(properties);
        // the service refuses to start without its sagas: stand-ins unless the test brings its own
        environment.computeIfAbsent(ReservationSettings.BOOKING_SAGA_ARN, key -> standInStateMachine(aws, "booking-saga"));
        environment.computeIfAbsent(ReservationSettings.BOOKING_CANCELLATION_ARN,
                key -> standInStateMachine(aws, "booking-cancellation"));
        this.sagaSettings = Map.of(
                ReservationSettings.BOOKING_SAGA_ARN, environment.get(ReservationSettings.BOOKING_SAGA_ARN).toString(),
                ReservationSettings.BOOKING_CANCELLATION_ARN, environment.get(ReservationSettings.BOOKING_CANCELLATION_ARN).toString());
        environment.putAll(queue.properties());
        environment.put(AwsSettings.ENDPOINT, endpoint.uri().toString());
        environment.put(AwsSettings.REGION, endpoint.region());
        environment.put(AwsSettings.RESOURCE_PREFIX, aws.settings().resourcePrefix());
        this.ctx = new GenericApplicationContext();
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("it", environment));
        if (clock != null) {
            // registered first, so the kernel keeps it instead of the system clock
            ctx.registerBean(KernelBeans.CLOCK, Clock.class, () -> clock);
        }
        if (sagas != null) {
            // registered first, so the service keeps this double instead of its Step Functions starter
            ctx.registerBean(ReservationFunctions.BOOKING_SAGAS, BookingSagas.class, () -> sagas.apply(this));
        }
        new ReservationFunctions().initialize(ctx);
        ctx.refresh();
        this.holdTemplate = resource("apigw-v2-hold-seats.json");
    }

    /** Two concerts of one schedule each, 50 seats: 1–10 VIP at 150 points, 11–50 R at 90. */
    static ReservationFixture start(EmulatorEndpoint endpoint, Map<String, Object> properties) {
        return start(endpoint, properties, null);
    }

    /** @param clock the functions' clock; null for the system clock */
    static ReservationFixture start(EmulatorEndpoint endpoint, Map<String, Object> properties, Clock clock) {
        return start(endpoint, properties, clock, null);
    }

    /** @param sagas a booking saga double made with the fixture (its tables, clients); null for Step Functions */
    static ReservationFixture start(EmulatorEndpoint endpoint, Map<String, Object> properties, Clock clock,
                                   Function<ReservationFixture, BookingSagas> sagas) {
        ReservationFixture fixture = new ReservationFixture(endpoint, properties, clock, sagas);
        fixture.publish(CONCERT, SCHEDULE);
        fixture.publish(OTHER_CONCERT, OTHER_SCHEDULE);
        return fixture;
    }

    /**
     * A state machine of one Pass state, named {@code name} with the account's resource prefix: its executions start
     * (and are recorded) like the real saga's, for tests about starting it rather than its paths (those are the
     * statemachine module's).
     */
    static String standInStateMachine(AwsClients aws, String name) {
        ObjectNode definition = KernelBeans.newJsonMapper().createObjectNode().put("StartAt", "Done");
        definition.putObject("States").putObject("Done").put("Type", "Pass").put("End", true);
        return aws.sfn().createStateMachine(r -> r.name(aws.settings().physicalName(name))
                .definition(definition.toString()).roleArn("arn:aws:iam::123456789012:role/" + name)).stateMachineArn();
    }

    /** The state machine ARNs the service was started with, by setting: what a Lambda environment would carry. */
    Map<String, String> sagaSettings() {
        return sagaSettings;
    }

    // --- feeding the service through its consumers

    void publish(String concertId, String... scheduleIds) {
        publishWithSeats(concertId, 50, scheduleIds);
    }

    /** The shows of {@link #publish} start this far from now: long before any cancellation cut-off. */
    static final Duration SHOWS_START_IN = Duration.ofDays(30);

    /** CONCERT_PUBLISHED with {@code seatsPerSchedule} (more than 10) seats per schedule: section A 1–10 VIP, B the rest R. */
    void publishWithSeats(String concertId, int seatsPerSchedule, String... scheduleIds) {
        publishWithSeats(concertId, seatsPerSchedule, Instant.now().plus(SHOWS_START_IN), scheduleIds);
    }

    /** As {@link #publishWithSeats(String, int, String...)}, every schedule starting at {@code startsAt}. */
    void publishWithSeats(String concertId, int seatsPerSchedule, Instant startsAt, String... scheduleIds) {
        ObjectNode payload = json.createObjectNode().put("concertId", concertId).put("title", "Title of " + concertId)
                .put("artist", "Artist").put("venue", "Venue");
        ArrayNode schedules = payload.putArray("schedules");
        for (String scheduleId : scheduleIds) {
            ObjectNode schedule = schedules.addObject().put("scheduleId", scheduleId)
                    .put("startsAt", startsAt.truncatedTo(ChronoUnit.SECONDS).toString());
            ArrayNode sections = schedule.putArray("sections");
            sections.addObject().put("section", "A").put("grade", "VIP").put("price", 150).put("firstSeat", 1).put("lastSeat", 10);
            sections.addObject().put("section", "B").put("grade", "R").put("price", 90).put("firstSeat", 11).put("lastSeat", seatsPerSchedule);
        }
        EventEnvelope published = new EventEnvelope(UUID.randomUUID().toString(), "CONCERT_PUBLISHED", "concert", concertId, 1,
                Instant.now(), concertId, payload);
        requireNoFailures(invoke(ReservationResources.CATALOG_CONSUMER, sqsBatch(List.of(published))));
    }

    /**
     * The queue admits each user: their pass, signed with the key this fixture configured the service with, is
     * sent whenever a call names the token. No event is involved, as in the running system.
     */
    void admit(Map<String, String> tokenByUser, String concertId, Instant activeUntil) {
        tokenByUser.forEach((userId, token) -> passByToken.put(token,
                queue.issue(userId, concertId, token, 2, activeUntil.truncatedTo(ChronoUnit.SECONDS))));
    }

    void admit(String userId, String token, String concertId) {
        admit(Map.of(userId, token), concertId, Instant.now().plusSeconds(300));
    }

    /**
     * Admits {@code userId} with a queue token of its own and holds with it: for tests of something else than the
     * one-hold-per-token rule that hold more than once for one user.
     */
    JsonNode holdWithNewToken(String userId, String concertId, String scheduleId, Integer... seatNos) {
        String token = "qt-" + UUID.randomUUID();
        admit(userId, token, concertId);
        return hold(userId, token, scheduleId, seatNos);
    }

    /** The pass the queue gave for {@code token}. */
    String passOf(String token) {
        return passByToken.get(token);
    }

    /** The client sends {@code pass} whenever a call names {@code token}, whoever signed it. */
    void usePass(String token, String pass) {
        passByToken.put(token, pass);
    }

    /** QUEUE_RESTORED through the admission consumer: the booking saga put the token back in line. */
    void restoreAdmission(String userId, String token, String concertId) {
        requireNoFailures(invoke(ReservationResources.ADMISSION_CONSUMER, sqsBatch(List.of(queueEvent(
                EventTypes.QUEUE_RESTORED, token, userId, concertId, 3, json.createObjectNode())))));
    }

    void expireAdmission(String userId, String token, String concertId) {
        requireNoFailures(invoke(ReservationResources.ADMISSION_CONSUMER, sqsBatch(List.of(queueEvent(
                EventTypes.QUEUE_EXPIRED, token, userId, concertId, 3, json.createObjectNode().put("reason", "IDLE_TIMEOUT"))))));
    }

    // --- calling the HTTP functions

    JsonNode hold(String userId, String token, String scheduleId, Integer... seatNos) {
        ObjectNode body = json.createObjectNode().put("scheduleId", scheduleId);
        ArrayNode seats = body.putArray("seatNos");
        for (Integer seatNo : seatNos) {
            seats.add(seatNo);
        }
        ObjectNode event = httpEvent("POST /reservations", "/reservations", userId, token);
        event.put("body", json.writeValueAsString(body));
        return invoke(ReservationResources.HOLD_SEATS, event);
    }

    JsonNode get(String userId, String token, String reservationId) {
        return invoke(ReservationResources.GET_RESERVATION, reservationEvent("GET", userId, token, reservationId));
    }

    JsonNode cancel(String userId, String token, String reservationId) {
        return invoke(ReservationResources.CANCEL_RESERVATION, reservationEvent("DELETE", userId, token, reservationId));
    }

    /** {@code POST /reservations/{reservationId}/cancellation}: no queue token. */
    JsonNode cancelBooking(String userId, String reservationId) {
        ObjectNode event = httpEvent("POST /reservations/{reservationId}/cancellation",
                "/reservations/" + reservationId + "/cancellation", userId, null);
        event.putObject("pathParameters").put("reservationId", reservationId);
        event.remove("body");
        return invoke(ReservationResources.CANCEL_BOOKING, event);
    }

    /** One run of the scheduled sweeper, with the empty JSON object the schedule sends. */
    SweepReport sweep() {
        return json.treeToValue(invoke(ReservationResources.EXPIRE_HOLDS, json.createObjectNode()), SweepReport.class);
    }

    /** The function registered under {@code name}: invocation JSON in, response JSON out, as on Lambda. */
    @SuppressWarnings("unchecked")
    JsonNode invoke(String name, JsonNode invocation) {
        Function<InputStream, byte[]> function =
                (Function<InputStream, byte[]>) ctx.getBean(name, FunctionRegistration.class).getTarget();
        return json.readTree(function.apply(new ByteArrayInputStream(json.writeValueAsBytes(invocation))));
    }

    JsonNode body(JsonNode response) {
        return json.readTree(response.get("body").stringValue());
    }

    // --- what was written

    ReservationRepository repository() {
        return ctx.getBean(ReservationFunctions.REPOSITORY, ReservationRepository.class);
    }

    DynamoDbReservationRepository adapter() {
        return (DynamoDbReservationRepository) repository();
    }

    int count(String logicalTable) {
        return aws.dynamoDb().scanPaginator(r -> r.tableName(aws.settings().physicalName(logicalTable))
                .select(Select.COUNT).consistentRead(true)).stream().mapToInt(page -> page.count()).sum();
    }

    /** Items per Reservation table that a reservation call may write. */
    Map<String, Integer> writableCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of(ReservationResources.SEAT_LOCKS_TABLE, ReservationResources.RESERVATIONS_TABLE,
                ReservationResources.EVENTS_TABLE)) {
            counts.put(table, count(table));
        }
        return counts;
    }

    /** Every event in the outbox, each checked against its JSON Schema first. */
    List<EventEnvelope> eventsValidated() {
        List<EventEnvelope> events = new EventStore(aws.dynamoDb(),
                aws.settings().physicalName(ReservationResources.EVENTS_TABLE), json).all().toList();
        events.forEach(event -> SCHEMAS.assertValid(json.valueToTree(event)));
        return events;
    }

    List<EventEnvelope> eventsValidated(String type) {
        return eventsValidated().stream().filter(event -> event.type().equals(type)).toList();
    }

    @Override
    public void close() {
        ctx.close();
        aws.close();
    }

    // --- event JSON

    private ObjectNode reservationEvent(String method, String userId, String token, String reservationId) {
        ObjectNode event = httpEvent(method + " /reservations/{reservationId}", "/reservations/" + reservationId, userId, token);
        event.putObject("pathParameters").put("reservationId", reservationId);
        event.remove("body");
        return event;
    }

    private ObjectNode httpEvent(String routeKey, String path, String userId, String token) {
        ObjectNode event = (ObjectNode) json.readTree(holdTemplate);
        event.put("routeKey", routeKey).put("rawPath", path);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.put("routeKey", routeKey);
        ((ObjectNode) context.get("http")).put("method", routeKey.substring(0, routeKey.indexOf(' '))).put("path", path);
        ((ObjectNode) context.get("authorizer").get("jwt").get("claims")).put("sub", userId);
        ObjectNode headers = (ObjectNode) event.get("headers");
        headers.remove("x-admission-pass");
        if (token != null) {
            // a token the queue never admitted has no pass: the client can only send what it has
            headers.put("x-admission-pass", passByToken.getOrDefault(token, token));
        }
        return event;
    }

    private ObjectNode sqsBatch(List<EventEnvelope> events) {
        ObjectNode batch = json.createObjectNode();
        ArrayNode records = batch.putArray("Records");
        for (EventEnvelope event : events) {
            records.addObject()
                    .put("messageId", UUID.randomUUID().toString())
                    .put("receiptHandle", "rh-" + event.eventId())
                    .put("body", json.writeValueAsString(event))
                    .put("eventSource", "aws:sqs");
        }
        return batch;
    }

    private EventEnvelope queueEvent(String type, String token, String userId, String concertId, long sequence,
                                     ObjectNode extra) {
        ObjectNode payload = json.createObjectNode().put("token", token).put("userId", userId).put("concertId", concertId)
                .put("seq", 1);
        payload.setAll(extra);
        return new EventEnvelope(UUID.randomUUID().toString(), type, "queue", token, sequence, Instant.now(), token, payload);
    }

    private static void requireNoFailures(JsonNode batchResponse) {
        if (!batchResponse.path("batchItemFailures").isEmpty()) {
            throw new IllegalStateException("consumer reported failures: " + batchResponse);
        }
    }

    private static byte[] resource(String file) {
        try (InputStream in = ReservationFixture.class.getResourceAsStream("/events/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

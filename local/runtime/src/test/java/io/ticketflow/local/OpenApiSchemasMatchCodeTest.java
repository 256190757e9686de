package io.ticketflow.local;

import io.ticketflow.kernel.admission.AdmissionProblems;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.OpenApi30;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.Route;
import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.ConcertSummary;
import io.ticketflow.concert.domain.SeatStatus;
import io.ticketflow.concert.function.ConcertList;
import io.ticketflow.concert.function.ConcertPublished;
import io.ticketflow.concert.domain.Section;
import io.ticketflow.concert.function.ScheduleList;
import io.ticketflow.concert.function.SeatMapQuery;
import io.ticketflow.concert.function.SeatMapView;
import io.ticketflow.kernel.function.ApiGatewayHttp;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.work.ProofOfWork;
import io.ticketflow.payment.domain.BookingStatus;
import io.ticketflow.payment.domain.CancellationRefusals;
import io.ticketflow.payment.domain.BookingStep;
import io.ticketflow.payment.domain.PaymentStatus;
import io.ticketflow.payment.domain.StepStatus;
import io.ticketflow.payment.function.BookingView;
import io.ticketflow.payment.function.Pay;
import io.ticketflow.payment.function.PaymentAnswer;
import io.ticketflow.payment.function.PaymentView;
import io.ticketflow.point.domain.WebhookSignature;
import io.ticketflow.point.function.ChargeReceipt;
import io.ticketflow.point.function.PointBalance;
import io.ticketflow.point.function.PointHistory;
import io.ticketflow.point.function.TopUpCheckout;
import io.ticketflow.point.function.WebhookAnswer;
import io.ticketflow.queue.domain.TokenStatus;
import io.ticketflow.queue.function.QueueClosed;
import io.ticketflow.queue.function.QueueOpened;
import io.ticketflow.queue.function.NowServing;
import io.ticketflow.queue.function.OpenQueue;
import io.ticketflow.queue.function.QueueTicket;
import io.ticketflow.reservation.domain.ReservationProblems;
import io.ticketflow.reservation.domain.ReservationStatus;
import io.ticketflow.reservation.domain.Seat;
import io.ticketflow.reservation.function.HoldSeats;
import io.ticketflow.reservation.function.BookingCancellationAccepted;
import io.ticketflow.reservation.function.ReservationView;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas of {@code openapi.json} describe what the functions really read and write: each operation's success
 * body is checked against the output records of the function that serves it, serialized by the kernel's
 * {@link JsonMapper} exactly as the HTTP edge does (every field documented, every documented field produced, types
 * and formats as documented); each request body schema against the record the function reads it into; and the
 * {@code Problem} schema against the body the HTTP edge writes for a problem.
 *
 * <p>The samples set every optional field at least once, so a documented property that no output produces is a
 * made-up one.
 */
class OpenApiSchemasMatchCodeTest {

    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    private static final String ID = "3f0c8a52-5b7e-4d8e-9a4c-1f2b3c4d5e6f";
    private static final JsonMapper KERNEL_JSON = KernelBeans.newJsonMapper();

    /** What each HTTP function answers on success: its statuses, the ones with a Location, sample outputs. */
    private record Success(Set<Integer> statuses, Set<Integer> withLocation, List<Object> samples) {
    }

    /** What each HTTP function reads from its body: the record and a body the document allows. */
    private record RequestBody(Class<?> type, String sample) {
    }

    private static final Map<String, Success> OUTPUTS = new LinkedHashMap<>();
    private static final Map<String, RequestBody> INPUTS = new LinkedHashMap<>();
    /** Functions that read a body when there is one: an empty body opens a queue first come, first served. */
    /** Body fields a function reads when present and defaults when absent (the old body of {@code POST /payments}). */
    private static final Map<String, Set<String>> OPTIONAL_FIELDS = Map.of("pay", Set.of("pointsToUse", "paymentMethod"));
    private static final Set<String> OPTIONAL_BODIES = Set.of("adminOpenQueue");

    static {
        List<Object> tickets = List.of(
                new QueueTicket(ID, "concert-1", TokenStatus.WAITING, 3L, 120L, 20, null, null, 10L, null, null, true),
                new QueueTicket(ID, "concert-1", TokenStatus.WAITING, null, null, 0, AT, 42L, 14L, null, null, true),
                new QueueTicket(ID, "concert-1", TokenStatus.ACTIVE, 0L, null, 0, null, null, null, AT,
                        "eyJhbGciOiJFUzI1NiJ9.e30.c2ln", false),
                new QueueTicket(ID, "concert-1", TokenStatus.EXPIRED, 0L, null, 0, null, null, null, AT, null, false));
        OUTPUTS.put("enterQueue", new Success(Set.of(200, 201), Set.of(200, 201), tickets));
        OUTPUTS.put("queueStatus", new Success(Set.of(200), Set.of(), tickets));

        OUTPUTS.put("listConcerts", new Success(Set.of(200), Set.of(), List.of(
                new ConcertList(List.of(new ConcertSummary("concert-1", "Spring Tour", "The Band", "Arena"))),
                new ConcertList(List.of()))));
        OUTPUTS.put("listSchedules", new Success(Set.of(200), Set.of(), List.of(new ScheduleList("concert-1",
                List.of(new ScheduleList.ScheduleAvailability("schedule-1-1", AT, 10,
                                List.of(new Section("A", "VIP", 150, 1, 10))),
                        new ScheduleList.ScheduleAvailability("schedule-1-2", AT.plusSeconds(86_400), 0, List.of())),
                List.of(LocalDate.of(2026, 6, 1))))));
        OUTPUTS.put("seatMap", new Success(Set.of(200), Set.of(), List.of(new SeatMapView("schedule-1-1", "concert-1",
                List.of(new SeatMapView.SeatView(1, "VIP", 150, SeatStatus.FREE),
                        new SeatMapView.SeatView(2, "R", 100, SeatStatus.HELD),
                        new SeatMapView.SeatView(3, "R", 100, SeatStatus.SOLD))))));

        ReservationView pending = new ReservationView(ID, ReservationStatus.PENDING, "concert-1", "schedule-1-1",
                List.of(new Seat(1, "VIP", 150), new Seat(2, "R", 100)), 250, AT);
        ReservationView cancelled = new ReservationView(ID, ReservationStatus.CANCELLED, "concert-1", "schedule-1-1",
                List.of(new Seat(1, "VIP", 150)), 150, AT);
        OUTPUTS.put("holdSeats", new Success(Set.of(201), Set.of(201), List.of(pending)));
        OUTPUTS.put("getReservation", new Success(Set.of(200), Set.of(), List.of(pending, cancelled)));
        OUTPUTS.put("cancelReservation", new Success(Set.of(200), Set.of(), List.of(cancelled)));
        OUTPUTS.put("cancelBooking", new Success(Set.of(202), Set.of(202), List.of(BookingCancellationAccepted.of(ID))));

        OUTPUTS.put("chargePoints", new Success(Set.of(200), Set.of(), List.of(
                new ChargeReceipt("alice", "topup-1", 500, 1500))));
        OUTPUTS.put("startTopUp", new Success(Set.of(201), Set.of(), List.of(new TopUpCheckout("cs_sim_1", 500, "EUR",
                "http://127.0.0.1:8080/dev/provider/checkouts/cs_sim_1"))));
        OUTPUTS.put("topUpWebhook", new Success(Set.of(200), Set.of(), List.of(new WebhookAnswer("evt_1", "CREDITED"),
                new WebhookAnswer("evt_2", "IGNORED"))));
        OUTPUTS.put("pointBalance", new Success(Set.of(200), Set.of(), List.of(new PointBalance("alice", 0))));
        OUTPUTS.put("pointHistory", new Success(Set.of(200), Set.of(), List.of(new PointHistory("alice", 250, List.of(
                new PointHistory.Line(ID + ":take-back", "EARNING_REVERSED", 2, 250, ID, AT.plusSeconds(300)),
                new PointHistory.Line(ID + ":earn", "EARNED", 2, 252, ID, AT.plusSeconds(120)),
                new PointHistory.Line(ID + ":deduct", "DEDUCTED", 250, 250, ID, AT.plusSeconds(60)),
                new PointHistory.Line("topup:cs_sim_1", "CHARGED", 500, 500, null, AT)), "Mjp0b3B1cDpjc19zaW1fMQ"),
                new PointHistory("alice", 0, List.of(), null))));

        OUTPUTS.put("pay", new Success(Set.of(200, 202), Set.of(202), List.of(
                new PaymentAnswer(PaymentAnswer.CONFIRMED, ID, "b1946ac9-2e1d-3c5b-8f4a-0e6d7c8b9a01", null),
                new PaymentAnswer(PaymentAnswer.FAILED, ID, null, "InsufficientPoints"),
                new PaymentAnswer(PaymentAnswer.PROCESSING, ID, null, null))));
        OUTPUTS.put("getPayment", new Success(Set.of(200), Set.of(), List.of(
                new PaymentView("b1946ac9-2e1d-3c5b-8f4a-0e6d7c8b9a01", ID, 250, 250, 0, PaymentStatus.CAPTURED, AT,
                        null, null),
                new PaymentView("b1946ac9-2e1d-3c5b-8f4a-0e6d7c8b9a01", ID, 250, 100, 150, PaymentStatus.REFUNDED, AT,
                        AT.plusSeconds(5), "BOOKING_CANCELLED"))));
        OUTPUTS.put("bookingStatus", new Success(Set.of(200), Set.of(), List.of(
                new BookingView(ID, BookingStatus.RUNNING, null, List.of(
                        new BookingStep("AwaitPayment", StepStatus.SUCCEEDED, AT),
                        new BookingStep("AuthorisePayment", StepStatus.RUNNING, AT.plusSeconds(1))), null),
                new BookingView(ID, BookingStatus.FAILED, "InsufficientPoints", List.of(
                        new BookingStep("DeductPoints", StepStatus.FAILED, AT),
                        new BookingStep("InsufficientPoints", StepStatus.FAILED, AT.plusSeconds(1))), null),
                new BookingView(ID, BookingStatus.CANCELLED, null, List.of(
                        new BookingStep("BookingConfirmed", StepStatus.SUCCEEDED, AT)),
                        BookingView.Cancellation.of(BookingStatus.CANCELLED, null, List.of(
                                new BookingStep("RefundPoints", StepStatus.SUCCEEDED, AT.plusSeconds(60))))),
                new BookingView(ID, BookingStatus.CONFIRMED, null, List.of(
                        new BookingStep("BookingConfirmed", StepStatus.SUCCEEDED, AT)),
                        BookingView.Cancellation.of(BookingStatus.FAILED, "CompensationFailed", List.of(
                                new BookingStep("CompensationFailed", StepStatus.FAILED, AT.plusSeconds(60))))),
                new BookingView(ID, BookingStatus.CONFIRMED, null, List.of(
                        new BookingStep("BookingConfirmed", StepStatus.SUCCEEDED, AT)),
                        BookingView.Cancellation.of(BookingStatus.FAILED, CancellationRefusals.EARNED_POINTS_SPENT, List.of(
                                new BookingStep("EarnedPointsSpent", StepStatus.FAILED, AT.plusSeconds(60))))))));

        OUTPUTS.put("adminPublishConcert", new Success(Set.of(200, 201), Set.of(), List.of(
                new ConcertPublished("concert-1", true), new ConcertPublished("concert-1", false))));
        OUTPUTS.put("queueNowServing", new Success(Set.of(200), Set.of(), List.of(
                new NowServing("concert-1", 120, 8.5, null, null, 16, 10, "\"e\"", false),
                new NowServing("concert-1", 0, 0, AT, false, 16, 10, "\"e\"", false))));
        OUTPUTS.put("adminOpenQueue", new Success(Set.of(200), Set.of(), List.of(new QueueOpened("concert-1", true))));
        OUTPUTS.put("adminCloseQueue", new Success(Set.of(200), Set.of(), List.of(new QueueClosed("concert-1", true))));
        INPUTS.put("adminPublishConcert", new RequestBody(Concert.class, """
                {"concertId": "concert-1", "title": "Spring Tour", "artist": "The Band", "venue": "Arena",
                 "schedules": [{"scheduleId": "schedule-1-1", "startsAt": "2026-06-01T19:00:00Z",
                                "seats": [{"seatNo": 1, "grade": "VIP", "price": 150}]}]}"""));
        INPUTS.put("adminOpenQueue", new RequestBody(OpenQueue.Body.class, "{\"opensAt\":\"2026-12-05T10:00:00Z\"}"));
        INPUTS.put("holdSeats", new RequestBody(HoldSeats.Body.class, "{\"scheduleId\":\"schedule-1-1\",\"seatNos\":[1,2]}"));
        INPUTS.put("chargePoints", new RequestBody(type("io.ticketflow.point.function.ChargePoints$Body"),
                "{\"userId\":\"alice\",\"requestId\":\"topup-1\",\"amount\":500}"));
        INPUTS.put("startTopUp", new RequestBody(type("io.ticketflow.point.function.StartTopUp$Body"),
                "{\"amount\":500}"));
        INPUTS.put("topUpWebhook", new RequestBody(type("io.ticketflow.point.function.TopUpWebhookFunction$Event"),
                "{\"id\":\"evt_1\",\"type\":\"checkout.completed\",\"data\":{\"checkoutId\":\"cs_1\","
                        + "\"clientReference\":\"alice\",\"amount\":500,\"currency\":\"EUR\"}}"));
        INPUTS.put("pay", new RequestBody(Pay.Body.class, "{\"reservationId\":\"" + ID
                + "\",\"pointsToUse\":100,\"paymentMethod\":\"tok_approve\"}"));
    }

    private static JsonNode document;
    private static SchemaRegistry schemas;

    @BeforeAll
    static void load() {
        document = OpenApiSpec.load();
        schemas = SchemaRegistry.withDefaultDialect(OpenApi30.getInstance(), builder -> builder
                .schemas(Map.of(OpenApiDocumentTest.DOCUMENT_URI, document.toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    @Test
    void everyHttpFunction_hasSamplesHere() {
        Set<String> functions = new TreeSet<>();
        Catalogue.routes().forEach(route -> functions.add(route.function()));
        assertThat(OUTPUTS.keySet()).containsExactlyInAnyOrderElementsOf(functions);
    }

    @Test
    void successResponses_areTheFunctionsStatuses_withLocationWhereTheCodeSetsIt() {
        Map<String, String> wrong = new TreeMap<>();
        for (Route route : Catalogue.routes()) {
            Success expected = OUTPUTS.get(route.function());
            JsonNode responses = operation(route).path("responses");
            Set<Integer> statuses = new TreeSet<>();
            Set<Integer> withLocation = new TreeSet<>();
            responses.properties().forEach(response -> {
                if (response.getKey().startsWith("2")) {
                    int status = Integer.parseInt(response.getKey());
                    statuses.add(status);
                    if (OpenApiSpec.resolve(document, response.getValue()).path("headers").has("Location")) {
                        withLocation.add(status);
                    }
                }
            });
            if (expected != null && (!statuses.equals(new TreeSet<>(expected.statuses()))
                    || !withLocation.equals(new TreeSet<>(expected.withLocation())))) {
                wrong.put(route.function(), "documents " + statuses + " with Location on " + withLocation
                        + "; the code answers " + expected.statuses() + " with Location on " + expected.withLocation());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void successBodies_areWhatTheFunctionsWrite() {
        List<String> wrong = new ArrayList<>();
        for (Route route : Catalogue.routes()) {
            Success success = OUTPUTS.get(route.function());
            if (success == null) {
                continue;
            }
            Set<String> schemaRefs = new TreeSet<>();
            operation(route).path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("2")) {
                    schemaRefs.add(OpenApiSpec.resolve(document, response.getValue())
                            .path("content").path("application/json").path("schema").path("$ref").asString(""));
                }
            });
            if (schemaRefs.size() != 1 || !schemaRefs.iterator().next().startsWith("#/components/schemas/")) {
                wrong.add(route.function() + ": 2xx bodies should share one component schema, found " + schemaRefs);
                continue;
            }
            String schema = schemaRefs.iterator().next().substring(1);
            Set<String> produced = new HashSet<>();
            for (Object sample : success.samples()) {
                JsonNode body = KERNEL_JSON.readTree(KERNEL_JSON.writeValueAsString(sample));
                validate(schema, body).forEach(error -> wrong.add(route.function() + " " + body + ": " + error));
                compare(schema, body, "", produced).forEach(field ->
                        wrong.add(route.function() + ": " + sample.getClass().getSimpleName() + " writes "
                                + field + ", which " + schema + " does not document"));
            }
            Set<String> documented = new TreeSet<>();
            declaredProperties(schema, documented, new HashSet<>());
            documented.removeAll(produced);
            documented.forEach(property -> wrong.add(route.function() + ": documents " + property
                    + ", which none of its outputs writes"));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void requestBodies_areTheRecordsTheFunctionsRead() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : Catalogue.routes()) {
            JsonNode requestBody = OpenApiSpec.resolve(document, operation(route).path("requestBody"));
            RequestBody input = INPUTS.get(route.function());
            if (input == null) {
                if (!requestBody.isMissingNode()) {
                    wrong.add(route.function() + " reads no body but documents one");
                }
                continue;
            }
            boolean optional = OPTIONAL_BODIES.contains(route.function());
            if (requestBody.path("required").asBoolean(false) == optional) {
                wrong.add(route.function() + (optional ? ": the body is optional (the function reads a missing one)"
                        : ": the body is required (the function refuses a missing one)"));
            }
            String ref = requestBody.path("content").path("application/json").path("schema").path("$ref").asString("");
            if (!ref.startsWith("#/components/schemas/")) {
                wrong.add(route.function() + ": no application/json component schema for the body");
                continue;
            }
            String schema = ref.substring(1);
            JsonNode schemaNode = document.at(schema);
            List<String> components = Arrays.stream(input.type().getRecordComponents())
                    .map(RecordComponent::getName).sorted().toList();
            List<String> properties = new ArrayList<>();
            schemaNode.path("properties").properties().forEach(p -> properties.add(p.getKey()));
            List<String> required = new ArrayList<>();
            schemaNode.path("required").forEach(r -> required.add(r.asString()));
            if (!properties.stream().sorted().toList().equals(components)) {
                wrong.add(route.function() + ": " + schema + " has properties " + properties + ", "
                        + input.type().getName() + " reads " + components);
            }
            // every other field of these bodies is checked by the function: a missing one is refused
            List<String> needed = components.stream()
                    .filter(c -> !OPTIONAL_FIELDS.getOrDefault(route.function(), Set.of()).contains(c)).toList();
            if (!required.stream().sorted().toList().equals(optional ? List.of() : needed)) {
                wrong.add(route.function() + ": " + schema + " requires " + required + ", the function needs " + needed);
            }
            JsonNode sample = KERNEL_JSON.readTree(input.sample());
            validate(schema, sample).forEach(error -> wrong.add(route.function() + " sample body: " + error));
            Object read = KERNEL_JSON.readValue(input.sample(), input.type());
            for (RecordComponent component : input.type().getRecordComponents()) {
                component.getAccessor().setAccessible(true);
                if (component.getAccessor().invoke(read) == null) {
                    wrong.add(route.function() + ": a documented body leaves " + component.getName() + " unread");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void headerParameters_areTheHeadersTheFunctionsRead() {
        Map<String, Set<String>> expected = Map.of(
                "seatMap", Set.of(SeatMapQuery.IF_NONE_MATCH),
                "enterQueue", Set.of(ProofOfWork.HEADER),
                "queueNowServing", Set.of(SeatMapQuery.IF_NONE_MATCH),
                "holdSeats", Set.of(AdmissionProblems.HEADER),
                "getReservation", Set.of(AdmissionProblems.HEADER),
                "cancelReservation", Set.of(AdmissionProblems.HEADER),
                "pay", Set.of(Pay.IDEMPOTENCY_KEY, AdmissionProblems.HEADER, Pay.FAULT_INJECT),
                "topUpWebhook", Set.of(WebhookSignature.HEADER));
        Map<String, String> wrong = new TreeMap<>();
        for (Route route : Catalogue.routes()) {
            Set<String> headers = new TreeSet<>();
            Set<String> requiredHeaders = new TreeSet<>();
            for (JsonNode parameter : operation(route).path("parameters")) {
                JsonNode resolved = OpenApiSpec.resolve(document, parameter);
                if (resolved.path("in").asString().equals("header")) {
                    headers.add(resolved.path("name").asString());
                    if (resolved.path("required").asBoolean(false)) {
                        requiredHeaders.add(resolved.path("name").asString());
                    }
                }
            }
            Set<String> want = new TreeSet<>(expected.getOrDefault(route.function(), Set.of()));
            Set<String> wantRequired = new TreeSet<>(want);
            // optional headers: the function answers without them
            wantRequired.remove(Pay.FAULT_INJECT);
            wantRequired.remove(SeatMapQuery.IF_NONE_MATCH);
            if (route.function().equals("pay")) {
                wantRequired.remove(AdmissionProblems.HEADER); // a repeat of the Idempotency-Key needs no pass
            }
            if (!headers.equals(want) || !requiredHeaders.equals(wantRequired)) {
                wrong.put(route.function(), "documents " + headers + " (required " + requiredHeaders + "), reads "
                        + want + " (required " + wantRequired + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void problemSchema_isTheBodyTheHttpEdgeWrites() {
        HttpEndpoint<Object, Object> failing = HttpEndpoint.of(request -> null, input -> {
            throw new ProblemException(ReservationProblems.SEAT_UNAVAILABLE, "seat(s) [1] are held by someone else");
        });
        APIGatewayV2HTTPResponse response = new ApiGatewayHttp<>(failing, KERNEL_JSON).apply(APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /reservations").withRawPath("/reservations").build());

        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode body = KERNEL_JSON.readTree(response.getBody());
        String schema = "/components/schemas/Problem";
        Set<String> produced = new HashSet<>();
        assertThat(validate(schema, body)).isEmpty();
        assertThat(compare(schema, body, "", produced)).as("fields written but not documented").isEmpty();
        Set<String> documented = new TreeSet<>();
        declaredProperties(schema, documented, new HashSet<>());
        documented.removeAll(produced);
        assertThat(documented).as("documented but not written").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------

    private static JsonNode operation(Route route) {
        return OpenApiSpec.operation(document, route.method().name(), route.path());
    }

    private static List<String> validate(String schemaPointer, JsonNode value) {
        return schemas.getSchema(SchemaLocation.of(OpenApiDocumentTest.DOCUMENT_URI + "#" + schemaPointer))
                .validate(value).stream().map(Error::toString).toList();
    }

    /** Follows {@code $ref}s to the pointer of the schema they name. */
    private static String dereference(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 16; hops++) {
            JsonNode ref = document.at(current).path("$ref");
            if (!ref.isString()) {
                return current;
            }
            current = ref.asString().substring(1);
        }
        throw new IllegalStateException("$ref chain too long at " + pointer);
    }

    /** The properties an object schema allows, its {@code allOf} members' included: name → property schema pointer. */
    private static Map<String, String> properties(String pointer) {
        String schema = dereference(pointer);
        Map<String, String> properties = new LinkedHashMap<>();
        JsonNode node = document.at(schema);
        for (int i = 0; i < node.path("allOf").size(); i++) {
            properties.putAll(properties(schema + "/allOf/" + i));
        }
        node.path("properties").properties().forEach(p -> properties.put(p.getKey(), schema + "/properties/" + p.getKey()));
        return properties;
    }

    /**
     * Walks a value along its schema; records the property schemas it used in {@code produced} and answers the
     * fields the schema does not document.
     */
    private static List<String> compare(String pointer, JsonNode value, String where, Set<String> produced) {
        List<String> undocumented = new ArrayList<>();
        String schema = dereference(pointer);
        if (value.isObject()) {
            Map<String, String> properties = properties(schema);
            value.properties().forEach(field -> {
                String property = properties.get(field.getKey());
                if (property == null) {
                    undocumented.add(where + "/" + field.getKey());
                } else {
                    produced.add(property);
                    undocumented.addAll(compare(property, field.getValue(), where + "/" + field.getKey(), produced));
                }
            });
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                undocumented.addAll(compare(schema + "/items", value.get(i), where + "/" + i, produced));
            }
        }
        return undocumented;
    }

    /** Every property schema reachable from a schema. */
    private static void declaredProperties(String pointer, Set<String> into, Set<String> visited) {
        String schema = dereference(pointer);
        if (!visited.add(schema)) {
            return;
        }
        JsonNode node = document.at(schema);
        for (int i = 0; i < node.path("allOf").size(); i++) {
            declaredProperties(schema + "/allOf/" + i, into, visited);
        }
        node.path("properties").properties().forEach(p -> {
            into.add(schema + "/properties/" + p.getKey());
            declaredProperties(schema + "/properties/" + p.getKey(), into, visited);
        });
        if (node.has("items")) {
            declaredProperties(schema + "/items", into, visited);
        }
    }

    private static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " (read by a documented route) is gone", e);
        }
    }
}

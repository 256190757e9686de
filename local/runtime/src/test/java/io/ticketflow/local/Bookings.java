package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.catalog.PointResources;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventSchemas;
import io.ticketflow.kernel.work.ProofOfWork;
import io.ticketflow.messaging.EventStore;
import io.ticketflow.statemachine.SagaDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's way through the booking over HTTP only, against a running local runtime: enter the queue, wait for
 * the turn, hold seats, charge points, pay — and the reads the end-to-end tests assert on.
 */
final class Bookings {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * How long Concert's seat map may lag: a reservation event its consumer could not apply (an optimistic conflict
     * on the map) comes back only after the queue's 30 s visibility timeout.
     */
    static final Duration SEAT_MAP_WAIT = Duration.ofSeconds(75);
    private static final EventSchemas SCHEMAS = EventSchemas.load();
    private static final List<String> OUTBOX_TABLES = List.of(QueueResources.EVENTS_TABLE,
            ReservationResources.EVENTS_TABLE, PaymentResources.EVENTS_TABLE, PointResources.EVENTS_TABLE,
            ConcertResources.EVENTS_TABLE);

    private final LocalRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Bookings(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    /** One user of one test, with a bearer token of this runtime. */
    final class User {
        final String userId;
        final String bearer;
        String queueToken;
        /** What the queue answered once ACTIVE; Reservation and Payment admit on it alone. */
        String admissionPass;
        String reservationId;
        int totalPrice;
        /** The status and body of the last POST /payments, for diagnostics. */
        volatile String lastPayAnswer;

        private User(String userId) {
            this.userId = userId;
            this.bearer = runtime.devToken(userId);
        }

        /** Enters the concert's queue and waits until the queue says ACTIVE, keeping the pass it answers with. */
        User admittedTo(String concertId) {
            entered(concertId);
            Eventually.within(WAIT, () -> assertThat(queueStatus()).isEqualTo("ACTIVE"));
            return this;
        }

        /** Takes (or finds) a place in the concert's queue, without waiting for its admission. */
        User entered(String concertId) {
            HttpResponse<String> entered = send("POST", "/concerts/" + concertId + "/queue-tokens", bearer, null,
                    ProofOfWork.header(concertId, userId, LocalRuntime.LOCAL_WORK_DIFFICULTY));
            assertThat(entered.statusCode()).as(entered.body()).isIn(200, 201);
            queueToken = JSON.readTree(entered.body()).path("token").asString();
            return this;
        }

        /**
         * Holds the seats with the pass: accepted at once, never refused for an admission still on its way. Retried
         * only while the schedule's seat inventory (CONCERT_PUBLISHED) has not reached Reservation yet.
         */
        User holding(String scheduleId, int... seatNos) {
            String body = JSON.writeValueAsString(Map.of("scheduleId", scheduleId, "seatNos", seatNos));
            AtomicReference<HttpResponse<String>> held = new AtomicReference<>();
            Eventually.within(WAIT, () -> {
                held.set(send("POST", "/reservations", bearer, body, passHeader()));
                assertThat(held.get().body()).doesNotContain("/problems/unknown-schedule");
            });
            assertThat(held.get().statusCode()).as(held.get().body()).isEqualTo(201);
            JsonNode reservation = JSON.readTree(held.get().body());
            reservationId = reservation.path("reservationId").asString();
            totalPrice = reservation.path("totalPrice").intValue();
            return this;
        }

        /** Buys points as a user does: a top-up, paid at the simulated provider, credited by its webhook. */
        User toppedUp(long amount) {
            PointTopUps.Outcome bought = PointTopUps.buy((method, path, token, body) -> {
                HttpResponse<String> reply = send(method, path, token, body, Map.of());
                return new PointTopUps.Reply(reply.statusCode(), reply.body());
            }, JSON, bearer, amount);
            assertThat(bought.credited()).as(bought.detail()).isTrue();
            return this;
        }

        /**
         * Pays as a patient client would: asking again, after the answer's Retry-After, only while the saga that
         * holdSeats started has not yet parked in AwaitPayment (409 payment-not-open). The pass is never refused for
         * an admission still on its way.
         */
        HttpResponse<String> payOnceAwaited(String idempotencyKey, String faultAt) {
            return payOnceAwaited(idempotencyKey, faultAt, Map.of());
        }

        /** As {@link #payOnceAwaited(String, String)}, paying {@code pointsToUse} in points and the rest by card. */
        HttpResponse<String> payOnceAwaited(String idempotencyKey, long pointsToUse, String paymentMethod) {
            return payOnceAwaited(idempotencyKey, null,
                    Map.of("pointsToUse", pointsToUse, "paymentMethod", paymentMethod));
        }

        HttpResponse<String> payOnceAwaited(String idempotencyKey, String faultAt, Map<String, Object> split) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            HttpResponse<String> paid = pay(idempotencyKey, faultAt, split);
            while (paid.headers().firstValue("retry-after").isPresent()) {
                assertThat(paid.statusCode()).as(paid.body()).isEqualTo(409);
                assertThat(paid.body()).contains("/problems/payment-not-open");
                assertThat(System.nanoTime()).as("payment still not open after " + WAIT).isLessThan(deadline);
                pause(Duration.ofSeconds(Long.parseLong(paid.headers().firstValue("retry-after").get())));
                paid = pay(idempotencyKey, faultAt, split);
            }
            return paid;
        }

        private static void pause(Duration pause) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to pay", e);
            }
        }

        HttpResponse<String> pay(String idempotencyKey, String faultAt) {
            return pay(idempotencyKey, faultAt, Map.of());
        }

        HttpResponse<String> pay(String idempotencyKey, String faultAt, Map<String, Object> split) {
            Map<String, Object> body = new java.util.HashMap<>(split);
            body.put("reservationId", reservationId);
            Map<String, String> headers = new java.util.HashMap<>(passHeader());
            headers.put("Idempotency-Key", idempotencyKey);
            if (faultAt != null) {
                headers.put("X-Fault-Inject", faultAt);
            }
            HttpResponse<String> answer = send("POST", "/payments", bearer,
                    JSON.writeValueAsString(body), headers);
            lastPayAnswer = answer.statusCode() + " " + answer.body();
            return answer;
        }

        /** GET /bookings/{id} once the saga has ended. */
        JsonNode settledBooking() {
            AtomicReference<JsonNode> booking = new AtomicReference<>();
            Eventually.within(WAIT, () -> {
                HttpResponse<String> response = send("GET", "/bookings/" + reservationId, bearer, null, Map.of());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                booking.set(JSON.readTree(response.body()));
                assertThat(booking.get().path("status").asString()).isNotEqualTo("RUNNING");
            });
            return booking.get();
        }

        String queueStatus() {
            HttpResponse<String> response = send("GET", "/queue-tokens/" + queueToken, bearer, null, Map.of());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode status = JSON.readTree(response.body());
            if (status.hasNonNull("admissionPass")) {
                admissionPass = status.path("admissionPass").asString();
            }
            return status.path("status").asString();
        }

        /** {@code X-Admission-Pass} with the pass the queue gave; none before it did. */
        Map<String, String> passHeader() {
            return admissionPass == null ? Map.of() : Map.of("X-Admission-Pass", admissionPass);
        }

        /**
         * The reservation's status as its events tell it (each written in the transaction of the change). Not
         * {@code GET /reservations/{id}}: Reservation answers it only while the queue token is ACTIVE, and a
         * booking ends the token.
         */
        String reservationStatus() {
            List<String> types = events().stream().filter(e -> e.aggregateId().equals(reservationId))
                    .map(EventEnvelope::type).toList();
            // CANCELLED and EXPIRED are final; a CONFIRMED reservation may still be cancelled after it
            for (String end : List.of("CANCELLED", "EXPIRED", "CONFIRMED")) {
                if (types.contains("RESERVATION_" + end)) {
                    return end;
                }
            }
            return types.contains("RESERVATION_CREATED") ? "PENDING" : "UNKNOWN";
        }

        long balance() {
            return okJson("GET", "/points/balance").path("balance").longValue();
        }

        JsonNode history() {
            return okJson("GET", "/points/history");
        }

        /** What the simulated provider charged and refunded on this booking's card. */
        JsonNode cardStatement() {
            HttpResponse<String> statement = send("GET", "/dev/provider/cards/" + reservationId, null, null, Map.of());
            assertThat(statement.statusCode()).as(statement.body()).isEqualTo(200);
            return JSON.readTree(statement.body());
        }

        HttpResponse<String> payment(String paymentId) {
            return send("GET", "/payments/" + paymentId, bearer, null, Map.of());
        }

        /**
         * Every event about this user's booking in every outbox — of its queue token, reservation and user, or
         * naming its reservation — each checked against its JSON Schema.
         */
        List<EventEnvelope> events() {
            Set<String> aggregates = Set.of(userId, queueToken, reservationId == null ? "-" : reservationId);
            Map<String, EventEnvelope> events = new java.util.LinkedHashMap<>();
            for (String table : OUTBOX_TABLES) {
                new EventStore(runtime.clients().dynamoDb(), runtime.settings().physicalName(table), JSON).all()
                        .filter(e -> aggregates.contains(e.aggregateId())
                                || e.payload().path("reservationId").asString("-").equals(reservationId))
                        .forEach(e -> events.put(e.eventId(), e));
            }
            events.values().forEach(event -> SCHEMAS.assertValid(JSON.valueToTree(event)));
            return List.copyOf(events.values());
        }

        List<String> eventTypes() {
            return events().stream().map(EventEnvelope::type).sorted().toList();
        }

        private JsonNode okJson(String method, String path) {
            HttpResponse<String> response = send(method, path, bearer, null, Map.of());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }

    /** A new user: a fresh id, so tests sharing the runtime never see each other's data. */
    User user(String name) {
        return new User(name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The same user, booking and queue token as {@code earlier}, with a bearer token of this runtime. */
    User resume(User earlier) {
        User user = new User(earlier.userId);
        user.queueToken = earlier.queueToken;
        user.reservationId = earlier.reservationId;
        user.totalPrice = earlier.totalPrice;
        return user;
    }

    /** The ARN of the user's booking saga execution here (its name is the reservation id). */
    String executionArn(User user) {
        return runtime.stateMachineArn(SagaDefinition.BOOKING).replace(":stateMachine:", ":execution:") + ":"
                + user.reservationId;
    }

    /** The seat's status in the schedule's seat map (Concert's read model, fed by reservation events). */
    String seatStatus(String scheduleId, int seatNo) {
        HttpResponse<String> response = send("GET", "/schedules/" + scheduleId + "/seats", null, null, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stream.of(JSON.readTree(response.body()).path("seats")).flatMap(seats -> {
            List<JsonNode> all = new ArrayList<>();
            seats.forEach(all::add);
            return all.stream();
        }).filter(seat -> seat.path("seatNo").intValue() == seatNo)
                .map(seat -> seat.path("status").asString()).findFirst().orElseThrow();
    }

    HttpResponse<String> send(String method, String path, String bearer, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.baseUri() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.kernel.work.ProofOfWork;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The waiting queue through the local runtime, over HTTP only, with the real Queue and Reservation
 * functions: enter, enter again, activation by the schedule, expiry after a short window — and the
 * Reservation service's admission view, fed by stream → relay → SQS → consumer, following along.
 */
@ExtendWith(MotoExtension.class)
class QueueEndToEndIT {

    /** What each function called while the tests ran, against its catalogue grants. */
    @RegisterExtension
    static final GrantsAudit.Check GRANTS = new GrantsAudit.Check("enterQueue", "queueStatus", "activateQueue",
            "expireQueueTokens", "queueEventsRelay",
            "reservationAdmissionConsumer");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ACTIVE_WINDOW_SECONDS = 4;
    private static LocalRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        LocalOptions options = new LocalOptions(0, endpoint.uri(), endpoint.region(), "e2e-", ProjectRoot.find(),
                Map.of(LocalOptions.ALL_SCHEDULES, 1),
                Map.of("QUEUE_ACTIVE_WINDOW_SECONDS", String.valueOf(ACTIVE_WINDOW_SECONDS)), true);
        runtime = LocalRuntime.start(options, Topology.catalogue());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void enter_reenter_activate_expire_overHttp_withAPassWhileActive_andReservationsRevocationFollowing() throws Exception {
        String alice = mintDevToken("alice");
        String bob = mintDevToken("bob");

        HttpResponse<String> entered = enter("concert-1", "alice", alice);
        assertThat(entered.statusCode()).isEqualTo(201);
        JsonNode ticket = JSON.readTree(entered.body());
        String token = ticket.path("token").asString();
        assertThat(ticket.path("status").asString()).isEqualTo("WAITING");
        assertThat(ticket.path("position").asLong()).isEqualTo(1);
        assertThat(ticket.path("concertId").asString()).isEqualTo("concert-1");

        HttpResponse<String> again = enter("concert-1", "alice", alice);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("token").asString()).isEqualTo(token);

        assertThat(get("/queue-tokens/" + token, bob).statusCode()).isEqualTo(403);

        Eventually.within(WAIT, () -> assertThat(status(token, alice).path("status").asString()).isEqualTo("ACTIVE"));
        JsonNode active = status(token, alice);
        Instant activeUntil = Instant.parse(active.path("activeUntil").asString());
        assertThat(activeUntil).isAfter(Instant.now().minusSeconds(1));

        assertThat(active.path("admissionPass").asString()).as("an ACTIVE answer carries the pass").isNotBlank();
        assertThat(ticket.has("admissionPass")).as("a WAITING answer has none").isFalse();
        assertThat(admission(token)).as("admission needs no event: Reservation's view only learns revocations").isEmpty();

        Eventually.within(WAIT, () -> assertThat(status(token, alice).path("status").asString()).isEqualTo("EXPIRED"));
        assertThat(status(token, alice).has("admissionPass")).isFalse();
        Eventually.within(WAIT, () -> assertThat(admission(token)).containsEntry("status", "EXPIRED"));
        assertThat(admission(token)).containsEntry("userId", "alice").containsEntry("concertId", "concert-1");
    }

    @Test
    void enter_unknownConcert_answers404Problem() throws Exception {
        HttpResponse<String> response = enter("no-such-concert", "carol", mintDevToken("carol"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("type").asString()).startsWith("https://ticketflow.dev/problems/");
    }

    private Map<String, String> admission(String token) {
        Map<String, AttributeValue> item = runtime.clients().dynamoDb().getItem(r -> r
                .tableName(runtime.settings().physicalName("reservation-admissions"))
                .key(Map.of(Catalogue.ADMISSION_PARTITION_KEY, AttributeValue.fromS(token)))
                .consistentRead(true)).item();
        Map<String, String> strings = new java.util.HashMap<>();
        if (item == null) {
            return strings;
        }
        item.forEach((name, value) -> strings.put(name, value.s() != null ? value.s() : value.n()));
        return strings;
    }

    private JsonNode status(String token, String bearer) {
        try {
            HttpResponse<String> response = get("/queue-tokens/" + token, bearer);
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String mintDevToken(String userId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/_local/dev-tokens"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("userId", userId)))).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("token").asString();
    }

    private HttpResponse<String> enter(String concertId, String userId, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/concerts/" + concertId + "/queue-tokens"))
                .header("Authorization", "Bearer " + bearer)
                .header(ProofOfWork.HEADER, ProofOfWork.solve(concertId, userId, LocalRuntime.LOCAL_WORK_DIFFICULTY, Instant.now()))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer)
                .GET().timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(runtime.baseUri() + path);
    }
}

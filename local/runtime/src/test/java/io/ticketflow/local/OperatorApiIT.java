package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator's day through the local runtime, over HTTP only: a user's token is refused on every admin route
 * and changes nothing; an admin token publishes a concert (listed, its queue opened through CONCERT_PUBLISHED),
 * closes its queue (enters refused) and opens it again (enters accepted).
 */
@ExtendWith(MotoExtension.class)
class OperatorApiIT {

    /** What each function called while the tests ran, against its catalogue grants. */
    @RegisterExtension
    static final GrantsAudit.Check GRANTS = new GrantsAudit.Check("adminPublishConcert", "adminOpenQueue", "adminCloseQueue");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONCERT_ID = "club-night";
    private static final String CONCERT = """
            {"concertId": "club-night", "title": "Club Night", "artist": "The Operators", "venue": "Basement",
             "schedules": [{"scheduleId": "club-night-1", "startsAt": "2027-03-01T20:00:00Z",
               "seats": [{"seatNo": 1, "grade": "R", "price": 50}, {"seatNo": 2, "grade": "R", "price": 50},
                         {"seatNo": 3, "grade": "S", "price": 30}]}]}
            """;
    private static LocalRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        LocalOptions options = new LocalOptions(0, endpoint.uri(), endpoint.region(), "ops-", ProjectRoot.find(),
                Map.of(LocalOptions.ALL_SCHEDULES, 1), Map.of(), false);
        runtime = LocalRuntime.start(options, Topology.catalogue());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void userToken_isRefused403InsufficientScopeOnEveryAdminRoute_andNothingIsWritten() throws Exception {
        String user = mintDevToken(Map.of("userId", "mallory"));

        for (String path : List.of("/admin/concerts", "/admin/concerts/" + CONCERT_ID + "-user/queue/open",
                "/admin/concerts/" + CONCERT_ID + "-user/queue/close")) {
            HttpResponse<String> refused = post(path, user,
                    CONCERT.replace(CONCERT_ID, CONCERT_ID + "-user"));
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("type").asString()).as(path)
                    .isEqualTo("https://ticketflow.dev/problems/insufficient-scope");
        }

        assertThat(concertIds()).doesNotContain(CONCERT_ID + "-user");
        HttpResponse<String> enter = enter("mallory", user, CONCERT_ID + "-user");
        assertThat(enter.statusCode()).as("the refused open opened no queue").isEqualTo(404);
    }

    @Test
    void adminToken_publishes_thenClosingRefusesEnters_andOpeningAgainAcceptsThem() throws Exception {
        String admin = mintDevToken(Map.of("userId", "ops", "scopes", List.of("ticketflow/admin")));

        HttpResponse<String> published = post("/admin/concerts", admin, CONCERT);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(JSON.readTree(published.body()).path("concertId").asString()).isEqualTo(CONCERT_ID);
        assertThat(post("/admin/concerts", admin, CONCERT).statusCode()).as("publishing again changes nothing")
                .isEqualTo(200);
        assertThat(concertIds()).contains(CONCERT_ID);

        String alice = mintDevToken(Map.of("userId", "alice"));
        Eventually.within(WAIT, () -> assertThat(enter("alice", alice, CONCERT_ID).statusCode())
                .as("CONCERT_PUBLISHED opens the queue").isEqualTo(201));

        HttpResponse<String> closed = post("/admin/concerts/" + CONCERT_ID + "/queue/close", admin, null);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(closed.body()).path("closed").asBoolean()).isTrue();

        HttpResponse<String> refused = enter("bob", mintDevToken(Map.of("userId", "bob")), CONCERT_ID);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("type").asString())
                .isEqualTo("https://ticketflow.dev/problems/queue-closed");

        HttpResponse<String> reopened = post("/admin/concerts/" + CONCERT_ID + "/queue/open", admin, null);
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reopened.body()).path("opened").asBoolean()).isTrue();
        HttpResponse<String> accepted = enter("bob", mintDevToken(Map.of("userId", "bob")), CONCERT_ID);
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(accepted.body()).path("token").asString()).isNotBlank();
    }

    @Test
    void closingTheQueueOfAConcertNeverPublished_answers404UnknownConcert() throws Exception {
        String admin = mintDevToken(Map.of("userId", "ops", "scopes", List.of("ticketflow/admin")));

        HttpResponse<String> response = post("/admin/concerts/no-such-concert/queue/close", admin, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("type").asString())
                .isEqualTo("https://ticketflow.dev/problems/unknown-concert");
    }

    /** Enters as a browser does: with the work solved for the user and the concert. */
    private HttpResponse<String> enter(String userId, String bearer, String concertId) {
        try {
            return http.send(HttpRequest.newBuilder(uri("/concerts/" + concertId + "/queue-tokens"))
                    .header("Authorization", "Bearer " + bearer)
                    .header(ProofOfWork.HEADER, ProofOfWork.solve(concertId, userId, LocalRuntime.LOCAL_WORK_DIFFICULTY, Instant.now()))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> concertIds() throws Exception {
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(uri("/concerts")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        return JSON.readTree(listed.body()).path("concerts").valueStream()
                .map(concert -> concert.path("concertId").asString()).toList();
    }

    private String mintDevToken(Map<String, Object> request) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/_local/dev-tokens"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("token").asString();
    }

    private HttpResponse<String> post(String path, String bearer, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer)
                .header("content-type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(runtime.baseUri() + path);
    }
}

package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.Route;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.work.ProofOfWork;
import io.ticketflow.messaging.EventStore;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The waiting room's routes over HTTP, as a browser uses them, for the fair-gate ITs. */
final class GateClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GateClient(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    /** A runtime of the whole catalogue on the test's moto, its schedules every second, with the queue's settings. */
    static LocalRuntime startRuntime(EmulatorEndpoint endpoint, String prefix, Map<String, String> queueSettings) {
        return LocalRuntime.start(new LocalOptions(0, endpoint.uri(), endpoint.region(), prefix, ProjectRoot.find(),
                Map.of(LocalOptions.ALL_SCHEDULES, 1), queueSettings, false), Topology.catalogue());
    }

    /** Opens a queue through the operator route; {@code opensAt} null opens it first come, first served. */
    void open(String concertId, Instant opensAt) {
        String body = opensAt == null ? "" : JSON.writeValueAsString(Map.of("opensAt", opensAt.toString()));
        HttpResponse<String> opened = send(HttpRequest.newBuilder(uri("/admin/concerts/" + concertId + "/queue/open"))
                .header("Authorization", "Bearer " + runtime.devToken("ops", List.of(Route.ADMIN_SCOPE)))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    }

    /** {@code POST /concerts/{concertId}/queue-tokens} with the work solved for the user. */
    HttpResponse<String> enter(String userId, String concertId) {
        return enter(userId, concertId, Map.of(ProofOfWork.HEADER,
                ProofOfWork.solve(concertId, userId, LocalRuntime.LOCAL_WORK_DIFFICULTY, Instant.now())));
    }

    HttpResponse<String> enter(String userId, String concertId, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/concerts/" + concertId + "/queue-tokens"))
                .header("Authorization", "Bearer " + runtime.devToken(userId))
                .POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request);
    }

    /** Enters and returns the token, failing unless the enter created it. */
    String entered(String userId, String concertId) {
        HttpResponse<String> entered = enter(userId, concertId);
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        return body(entered).path("token").asString();
    }

    HttpResponse<String> statusResponse(String userId, String token) {
        return send(HttpRequest.newBuilder(uri("/queue-tokens/" + token))
                .header("Authorization", "Bearer " + runtime.devToken(userId)).GET());
    }

    JsonNode status(String userId, String token) {
        HttpResponse<String> response = statusResponse(userId, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    HttpResponse<String> nowServing(String concertId, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/concerts/" + concertId + "/queue")).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return send(request);
    }

    /** As {@link #nowServing}, with a query the edge has no copy for: the function answers. */
    HttpResponse<String> nowServingPastTheEdge(String concertId, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/concerts/" + concertId + "/queue?past-the-edge="
                + System.nanoTime())).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return send(request);
    }

    /** The Queue's outbox, every event of the type. */
    List<EventEnvelope> events(String type) {
        return new EventStore(runtime.clients().dynamoDb(), runtime.settings().physicalName(QueueResources.EVENTS_TABLE), JSON)
                .all().filter(event -> event.type().equals(type)).toList();
    }

    static JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(runtime.baseUri() + path);
    }
}

package io.ticketflow.bench;

import io.ticketflow.local.LocalRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The queue's HTTP API of a running local runtime, as a client sees it: bearer token in, JSON out. */
final class QueueApi {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final LocalRuntime runtime;
    private final HttpClient http;
    private final JsonMapper json;

    QueueApi(LocalRuntime runtime, JsonMapper json) {
        this.runtime = runtime;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A user's place in the queue. */
    record Entered(String userId, String token) {
    }

    /** {@code POST /concerts/{concertId}/queue-tokens} as {@code userId}; anything but 201 is a failed bench. */
    Entered enter(String concertId, String userId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(runtime.baseUri() + "/concerts/" + concertId + "/queue-tokens"))
                .header("Authorization", "Bearer " + runtime.devToken(userId))
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(REQUEST_TIMEOUT)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("enter as " + userId + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode ticket = json.readTree(response.body());
        return new Entered(userId, ticket.path("token").asString());
    }
}

package io.ticketflow.bench;

import io.ticketflow.local.LocalRuntime;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The queue's HTTP API of a running local runtime, as a client sees it: bearer token in, JSON out. */
final class QueueApi {

    private final LocalRuntime runtime;
    private final ApiHttp http;
    private final JsonMapper json;

    QueueApi(LocalRuntime runtime, JsonMapper json) {
        this.runtime = runtime;
        this.json = json;
        this.http = new ApiHttp(runtime.baseUri());
    }

    /** A user's place in the queue. */
    record Entered(String userId, String token) {
    }

    /** {@code POST /concerts/{concertId}/queue-tokens} as {@code userId}; anything but 201 is a failed bench. */
    Entered enter(String concertId, String userId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send("POST", "/concerts/" + concertId + "/queue-tokens",
                runtime.devToken(userId), null, Map.of());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("enter as " + userId + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode ticket = json.readTree(response.body());
        return new Entered(userId, ticket.path("token").asString());
    }
}

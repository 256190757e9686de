package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Route;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code run-local --faults crash=1} does to a request: the function's write is made, its answer is lost (API
 * Gateway's 500), and the client's repeat finds the write done once — the situation the chaos bench creates at random.
 */
@ExtendWith(MotoExtension.class)
class FaultsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static LocalRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        LocalOptions options = new LocalOptions(0, endpoint.uri(), endpoint.region(), "faults-", ProjectRoot.find(),
                Map.of(LocalOptions.ALL_SCHEDULES, 3_600), Map.of(), false, new Faults(1, Duration.ZERO, 0, 0).disarm());
        runtime = LocalRuntime.start(options, Topology.catalogue());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aCrashAfterTheWrite_answers500_butTheChargeIsMadeOnce_andTheRepeatFindsIt() throws Exception {
        String bearer = runtime.devToken("crash-victim");
        String operator = runtime.devToken("ops", List.of(Route.ADMIN_SCOPE));
        String charge = "{\"userId\": \"crash-victim\", \"requestId\": \"charge-1\", \"amount\": 300}";

        runtime.faults().arm();
        HttpResponse<String> lost = send("POST", "/points/charges", operator, charge);
        runtime.faults().disarm();

        assertThat(lost.statusCode()).as("the answer died with the function").isEqualTo(500);
        assertThat(runtime.faults().injected()).containsEntry("crash", 1L);
        assertThat(balance(bearer)).as("the write before the crash stands").isEqualTo(300);
        HttpResponse<String> repeated = send("POST", "/points/charges", operator, charge);
        assertThat(repeated.statusCode()).isBetween(200, 201);
        assertThat(balance(bearer)).as("the repeat charges nothing twice").isEqualTo(300);
    }

    private long balance(String bearer) throws Exception {
        HttpResponse<String> answer = send("GET", "/points/balance", bearer, null);
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("balance").longValue();
    }

    private HttpResponse<String> send(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.baseUri() + path))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.auth.DevTokens;
import io.ticketflow.kernel.auth.JwtSettings;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(MotoExtension.class)
class LocalRuntimeHttpIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static LocalRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = TestTopology.start(endpoint, TestTopology.http());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @BeforeEach
    void clear() {
        Recorded.clear();
    }

    @Test
    void authenticatedRoute_withDevToken_reachesFunctionWithPathParametersCallerAndHeaders() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things/thing%201/parts/p-7?size=L&size=XL"))
                .header("Authorization", "Bearer " + runtime.devToken("alice"))
                .header("X-Queue-Token", "qt-1")
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("routeKey").asString()).isEqualTo("GET /things/{thingId}/parts/{partId}");
        assertThat(body.path("pathParameters").path("thingId").asString()).isEqualTo("thing 1");
        assertThat(body.path("pathParameters").path("partId").asString()).isEqualTo("p-7");
        assertThat(body.path("queryParameters").path("size").asString()).isEqualTo("L,XL");
        assertThat(body.path("caller").asString()).isEqualTo("alice");
        assertThat(body.path("queueToken").asString()).isEqualTo("qt-1");
    }

    @Test
    void event_carriesPayload2Fields_andTheProxyResponseStatusHeadersAndBodyComeBack() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/raw/r-1?a=1&b=two"))
                .header("Authorization", "Bearer " + runtime.devToken("alice"))
                .header("Cookie", "theme=dark; lang=en")
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("hello")));

        assertThat(response.statusCode()).isEqualTo(299);
        assertThat(response.headers().firstValue("x-echo")).hasValue("yes");
        JsonNode seen = JSON.readTree(response.body());
        assertThat(seen.path("version").asString()).isEqualTo("2.0");
        assertThat(seen.path("routeKey").asString()).isEqualTo("PUT /raw/{id}");
        assertThat(seen.path("rawPath").asString()).isEqualTo("/raw/r-1");
        assertThat(seen.path("rawQueryString").asString()).isEqualTo("a=1&b=two");
        assertThat(seen.path("cookies")).extracting(JsonNode::asString).containsExactly("theme=dark", "lang=en");
        assertThat(seen.path("headerNames")).extracting(JsonNode::asString)
                .contains("authorization", "content-type").doesNotContain("cookie");
        assertThat(seen.path("method").asString()).isEqualTo("PUT");
        assertThat(seen.path("sourceIp").asString()).isEqualTo("127.0.0.1");
        assertThat(seen.path("stage").asString()).isEqualTo("$default");
        assertThat(seen.path("requestId").asString()).isNotBlank();
        assertThat(seen.path("timeEpoch").asLong()).isPositive();
        assertThat(seen.path("claims").path("sub").asString()).isEqualTo("alice");
        assertThat(seen.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(seen.path("body").asString()).isEqualTo("hello");
    }

    @Test
    void authenticatedRoute_withoutToken_answers401AndDoesNotInvokeTheFunction() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things/t-1")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("message").asString()).isEqualTo("Unauthorized");
        assertThat(Recorded.HTTP_CALLS).isEmpty();
    }

    @Test
    void authenticatedRoute_withTokenOfAnotherKey_answers401AndDoesNotInvokeTheFunction() throws Exception {
        DevTokens otherKey = new DevTokens(new JwtSettings(null, null, "another-secret-of-at-least-32-bytes!!"),
                Clock.systemUTC());

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things/t-1"))
                .header("Authorization", "Bearer " + otherKey.mint("mallory", Duration.ofMinutes(5))).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Recorded.HTTP_CALLS).isEmpty();
    }

    @Test
    void unknownPathOrMethod_answers404NotFoundLikeApiGateway() throws Exception {
        HttpResponse<String> unknownPath = send(HttpRequest.newBuilder(uri("/nowhere")).GET());
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/public/echo")).GET());

        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownPath.body()).path("message").asString()).isEqualTo("Not Found");
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(Recorded.HTTP_CALLS).isEmpty();
    }

    @Test
    void publicRoute_withBody_reachesFunctionWithoutCaller() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/public/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"world\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("caller").isNull()).isTrue();
        assertThat(JSON.readTree(body.path("body").asString()).path("hello").asString()).isEqualTo("world");
        assertThat(Recorded.count(Recorded.HTTP_CALLS, "POST /public/echo")).isEqualTo(1);
    }

    @Test
    void devTokensEndpoint_mintsATokenTheAuthorizerAccepts() throws Exception {
        HttpResponse<String> minted = send(HttpRequest.newBuilder(uri("/_local/dev-tokens"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"bob\"}")));
        String token = JSON.readTree(minted.body()).path("token").asString();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things/t-2"))
                .header("Authorization", "Bearer " + token).GET());

        assertThat(minted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("caller").asString()).isEqualTo("bob");
    }

    @Test
    void openApiEndpoint_servesTheDocument() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/openapi.json")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("openapi").asString()).startsWith("3.");
    }

    private URI uri(String pathAndQuery) {
        return URI.create(runtime.baseUri() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.ticketflow.kernel.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.ticketflow.kernel.http.Caller;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.http.JsonBodies;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemType;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiGatewayHttpTest {

    private static final ProblemType SEAT_UNAVAILABLE = new ProblemType("seat-unavailable", "Seat unavailable", 409);

    private final JsonMapper json = KernelBeans.newJsonMapper();

    record Charge(long amount) {
        Charge {
            if (amount <= 0) {
                throw new ProblemException(ProblemTypes.INVALID_REQUEST, "amount must be positive");
            }
        }
    }

    record Balance(String userId, long points) {
    }

    private final HttpEndpoint<Charge, Balance> charge = HttpEndpoint.of(
            request -> JsonBodies.read(request, Charge.class, json),
            command -> new Balance("user-7", 100 + command.amount()));

    @Test
    void successfulAction_returns200WithJsonContentTypeAndSerializedOutput() {
        APIGatewayV2HTTPResponse response = handle(charge, event("{\"amount\":30}"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsExactly(Map.entry("content-type", "application/json"));
        assertThat(response.getIsBase64Encoded()).isFalse();
        assertThat(json.readTree(response.getBody()))
                .isEqualTo(json.readTree("{\"userId\":\"user-7\",\"points\":130}"));
    }

    @Test
    void endpointStatusAndHeaders_areApplied_withHeaderNamesLowerCased() {
        HttpEndpoint<Charge, Balance> created = charge.status(balance -> 201)
                .headers(balance -> Map.of("Location", "/points/" + balance.userId()));

        APIGatewayV2HTTPResponse response = handle(created, event("{\"amount\":1}"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("location", "/points/user-7")
                .containsEntry("content-type", "application/json");
    }

    @Test
    void statusAndHeaders_returnNewEndpoints_leavingTheOriginalUnchanged() {
        charge.status(balance -> 202).headers(balance -> Map.of("x-extra", "1"));

        APIGatewayV2HTTPResponse response = handle(charge, event("{\"amount\":1}"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).doesNotContainKey("x-extra");
    }

    @Test
    void actionReturningNull_returns204WithEmptyBodyAndNoContentType() {
        HttpEndpoint<String, Object> forget = HttpEndpoint.of(request -> request.pathParameter("id"), id -> null);

        APIGatewayV2HTTPResponse response = handle(forget, event(null));

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isEmpty();
        assertThat(response.getHeaders()).isEmpty();
    }

    @Test
    void explicit204_withOutput_stillAnswersWithEmptyBody() {
        APIGatewayV2HTTPResponse response = handle(charge.status(balance -> 204), event("{\"amount\":1}"));

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isEmpty();
    }

    @Test
    void problemException_returnsItsStatusAsProblemJsonWithRequestPathAsInstance() {
        HttpEndpoint<String, Object> hold = HttpEndpoint.of(request -> request.pathParameter("id"), id -> {
            throw new ProblemException(SEAT_UNAVAILABLE, "seat " + id + " is held by someone else");
        });

        APIGatewayV2HTTPResponse response = handle(hold, event(null));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getHeaders()).containsExactly(Map.entry("content-type", "application/problem+json"));
        assertThat(json.readTree(response.getBody())).isEqualTo(json.readTree("""
                {"type":"https://ticketflow.dev/problems/seat-unavailable","title":"Seat unavailable",
                 "status":409,"detail":"seat s-1 is held by someone else","instance":"/things/s-1"}"""));
    }

    @Test
    void problemThatPassesByItself_answersRetryAfterInWholeSecondsRoundedUp() {
        HttpEndpoint<String, Object> pay = HttpEndpoint.of(request -> request.pathParameter("id"), id -> {
            throw new ProblemException(SEAT_UNAVAILABLE, "not yet", Duration.ofMillis(1500));
        });

        APIGatewayV2HTTPResponse response = handle(pay, event(null));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getHeaders()).containsOnly(Map.entry("content-type", "application/problem+json"),
                Map.entry("retry-after", "2"));
    }

    @Test
    void awsThrottlingAfterEveryRetry_returns503ServiceBusyWithRetryAfter_withoutNamingWhatWasRefused() {
        HttpEndpoint<String, Object> enter = HttpEndpoint.of(request -> request.pathParameter("id"), id -> {
            throw new io.ticketflow.kernel.aws.Throttled("TransactWriteItems on table t-queue-tokens throttled 5 times", null);
        });

        APIGatewayV2HTTPResponse response = handle(enter, event(null));

        assertThat(response.getHeaders()).containsEntry("retry-after", "1");
        JsonNode problem = problem(response, 503);
        assertThat(problem.path("type").asString()).isEqualTo("https://ticketflow.dev/problems/service-busy");
        assertThat(response.getBody()).doesNotContain("t-queue-tokens");
    }

    @Test
    void bodyThatIsNotJson_returns400MalformedRequest() {
        JsonNode problem = problem(handle(charge, event("{\"amount\": ")), 400);

        assertThat(problem.get("type").stringValue()).isEqualTo("https://ticketflow.dev/problems/malformed-request");
        assertThat(problem.get("detail").stringValue()).isEqualTo("the request body is not valid JSON");
    }

    @Test
    void bodyOfWrongShape_returns400MalformedRequestNamingTheFieldButNoClassNames() {
        JsonNode problem = problem(handle(charge, event("{\"amount\":\"lots\"}")), 400);

        assertThat(problem.get("type").stringValue()).endsWith("/malformed-request");
        assertThat(problem.get("detail").stringValue()).contains("/amount").doesNotContain("io.ticketflow", "Charge");
    }

    @Test
    void missingBody_returns400MalformedRequest() {
        JsonNode problem = problem(handle(charge, event(null)), 400);

        assertThat(problem.get("type").stringValue()).endsWith("/malformed-request");
    }

    @Test
    void problemThrownWhileConstructingTheBody_isPassedThroughUnchanged() {
        JsonNode problem = problem(handle(charge, event("{\"amount\":-5}")), 400);

        assertThat(problem.get("type").stringValue()).endsWith("/invalid-request");
        assertThat(problem.get("detail").stringValue()).isEqualTo("amount must be positive");
    }

    @Test
    void requireCaller_withoutAuthorizerClaims_returns401Unauthenticated() {
        HttpEndpoint<Caller, Caller> whoAmI = HttpEndpoint.of(HttpRequest::requireCaller, caller -> caller);
        APIGatewayV2HTTPEvent anonymous = event(null);
        anonymous.setRequestContext(RequestContext.builder().withRouteKey("GET /things/{id}").build());

        JsonNode problem = problem(handle(whoAmI, anonymous), 401);

        assertThat(problem.get("type").stringValue()).endsWith("/unauthenticated");
    }

    @Test
    void requireCaller_withAuthorizerClaims_returnsTheSubject() {
        HttpEndpoint<Caller, Caller> whoAmI = HttpEndpoint.of(HttpRequest::requireCaller, caller -> caller);

        APIGatewayV2HTTPResponse response = handle(whoAmI, event(null));

        assertThat(json.readTree(response.getBody()).get("userId").stringValue()).isEqualTo("user-7");
    }

    @Test
    void requireScope_withTheScopeInTheScopeClaim_reachesTheAction() {
        HttpEndpoint<Caller, String> operate = HttpEndpoint.of(request -> request.requireScope("ticketflow/admin"),
                Caller::userId);

        APIGatewayV2HTTPResponse response = handle(operate,
                eventWithClaims(Map.of("sub", "ops", "scope", "openid ticketflow/admin"), null));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json.readTree(response.getBody()).stringValue()).isEqualTo("ops");
    }

    @Test
    void requireScope_withTheScopeInTheAuthorizersScopeList_reachesTheAction() {
        HttpEndpoint<Caller, String> operate = HttpEndpoint.of(request -> request.requireScope("ticketflow/admin"),
                Caller::userId);

        APIGatewayV2HTTPResponse response = handle(operate,
                eventWithClaims(Map.of("sub", "ops"), List.of("ticketflow/admin")));

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void requireScope_forAUserWithoutTheScope_returns403InsufficientScopeAndNeverRunsTheAction() {
        List<Caller> reached = new ArrayList<>();
        HttpEndpoint<Caller, String> operate = HttpEndpoint.of(request -> request.requireScope("ticketflow/admin"),
                caller -> {
                    reached.add(caller);
                    return caller.userId();
                });

        JsonNode problem = problem(handle(operate,
                eventWithClaims(Map.of("sub", "user-7", "scope", "openid ticketflow/adminx"), null)), 403);

        assertThat(problem.get("type").stringValue()).isEqualTo("https://ticketflow.dev/problems/insufficient-scope");
        assertThat(problem.get("detail").stringValue()).contains("ticketflow/admin");
        assertThat(reached).isEmpty();
    }

    @Test
    void requireScope_withoutAuthorizerClaims_returns401Unauthenticated() {
        HttpEndpoint<Caller, Caller> operate = HttpEndpoint.of(request -> request.requireScope("ticketflow/admin"),
                caller -> caller);
        APIGatewayV2HTTPEvent anonymous = event(null);
        anonymous.setRequestContext(RequestContext.builder().withRouteKey("GET /things/{id}").build());

        JsonNode problem = problem(handle(operate, anonymous), 401);

        assertThat(problem.get("type").stringValue()).endsWith("/unauthenticated");
    }

    @Test
    void missingPathParameter_returns400InvalidRequestNamingIt() {
        HttpEndpoint<String, String> byConcert = HttpEndpoint.of(request -> request.pathParameter("concertId"),
                id -> id);

        JsonNode problem = problem(handle(byConcert, event(null)), 400);

        assertThat(problem.get("type").stringValue()).endsWith("/invalid-request");
        assertThat(problem.get("detail").stringValue()).contains("concertId");
    }

    @Test
    void unexpectedException_returns500InternalProblemWithoutMessageOrStackTrace() {
        HttpEndpoint<String, String> broken = HttpEndpoint.of(request -> request.pathParameter("id"), id -> {
            throw new IllegalStateException("table ticketflow-prod-points unreachable");
        });

        APIGatewayV2HTTPResponse response = handle(broken, event(null));

        JsonNode problem = problem(response, 500);
        assertThat(problem.get("type").stringValue()).isEqualTo("https://ticketflow.dev/problems/internal");
        assertThat(response.getBody()).doesNotContain("ticketflow-prod-points", "IllegalStateException", "\tat ");
    }

    @Test
    void awsRefusingAValueOfTheRequest_returns400InvalidRequestWithoutTheServicesMessage() {
        HttpEndpoint<String, String> describe = HttpEndpoint.of(request -> request.pathParameter("id"), id -> {
            throw InvalidArnException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidArn")
                            .errorMessage("Invalid Arn: 'arn:aws:states:us-east-1:123:execution:booking-saga:a b'").build())
                    .build();
        });

        APIGatewayV2HTTPResponse response = handle(describe, event(null));

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").stringValue()).isEqualTo("https://ticketflow.dev/problems/invalid-request");
        assertThat(response.getBody()).doesNotContain("arn:aws", "booking-saga");
    }

    @Test
    void awsThrottlingOrAccessErrors_remain500Internal() {
        for (AwsServiceException failure : List.of(
                AwsServiceException.builder().statusCode(400).awsErrorDetails(
                        AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build(),
                AwsServiceException.builder().statusCode(400).awsErrorDetails(
                        AwsErrorDetails.builder().errorCode("AccessDeniedException").build()).build(),
                AwsServiceException.builder().statusCode(500).awsErrorDetails(
                        AwsErrorDetails.builder().errorCode("InternalServerError").build()).build())) {
            HttpEndpoint<String, String> failing = HttpEndpoint.of(request -> request.pathParameter("id"), id -> {
                throw failure;
            });

            assertThat(problem(handle(failing, event(null)), 500).get("type").stringValue())
                    .as(failure.awsErrorDetails().errorCode()).endsWith("/internal");
        }
    }

    @Test
    void base64EncodedBody_isDecodedAsUtf8BeforeReading() {
        HttpEndpoint<String, String> echo = HttpEndpoint.of(HttpRequest::body, body -> body);
        APIGatewayV2HTTPEvent encoded = event(Base64.getEncoder().encodeToString(
                "grüße".getBytes(StandardCharsets.UTF_8)));
        encoded.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = handle(echo, encoded);

        assertThat(json.readTree(response.getBody()).stringValue()).isEqualTo("grüße");
    }

    @Test
    void base64FlagWithInvalidBase64_returns400MalformedRequest() {
        HttpEndpoint<String, String> echo = HttpEndpoint.of(HttpRequest::body, body -> body);
        APIGatewayV2HTTPEvent broken = event("not base64 at all!");
        broken.setIsBase64Encoded(true);

        JsonNode problem = problem(handle(echo, broken), 400);

        assertThat(problem.get("type").stringValue()).endsWith("/malformed-request");
    }

    @Test
    void toRequest_mapsRouteQueryAndHeaders_withHeadersLookedUpCaseInsensitively() {
        APIGatewayV2HTTPEvent event = event(null);
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Queue-Token", "qt-1");
        event.setHeaders(headers);
        event.setQueryStringParameters(Map.of("limit", "10"));

        HttpRequest request = ApiGatewayHttp.toRequest(event);

        assertThat(request.routeKey()).isEqualTo("GET /things/{id}");
        assertThat(request.headers()).containsExactly(Map.entry("x-queue-token", "qt-1"));
        assertThat(request.header("x-QUEUE-token")).contains("qt-1");
        assertThat(request.queryParameter("limit")).contains("10");
        assertThat(request.caller()).isEqualTo(new Caller("user-7"));
    }

    private <I, O> APIGatewayV2HTTPResponse handle(HttpEndpoint<I, O> endpoint, APIGatewayV2HTTPEvent event) {
        return new ApiGatewayHttp<>(endpoint, json).apply(event);
    }

    private JsonNode problem(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("title").stringValue()).isNotBlank();
        assertThat(problem.get("instance").stringValue()).isEqualTo("/things/s-1");
        return problem;
    }

    private static APIGatewayV2HTTPEvent eventWithClaims(Map<String, String> claims, List<String> scopes) {
        APIGatewayV2HTTPEvent event = event(null);
        event.setRequestContext(RequestContext.builder()
                .withRouteKey("GET /things/{id}")
                .withAuthorizer(Authorizer.builder()
                        .withJwt(Authorizer.JWT.builder().withClaims(claims).withScopes(scopes).build())
                        .build())
                .build());
        return event;
    }

    private static APIGatewayV2HTTPEvent event(String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /things/{id}")
                .withRawPath("/things/s-1")
                .withPathParameters(Map.of("id", "s-1"))
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withRequestContext(RequestContext.builder()
                        .withRouteKey("GET /things/{id}")
                        .withAuthorizer(Authorizer.builder()
                                .withJwt(Authorizer.JWT.builder().withClaims(Map.of("sub", "user-7")).build())
                                .build())
                        .build())
                .build();
    }
}

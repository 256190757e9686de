package io.ticketflow.kernel.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.function.ContractTestFunctions.InsufficientPoints;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes recorded Lambda events through Spring Cloud Function's {@link FunctionInvoker} exactly as the Lambda
 * runtime (and the local runtime) does, JSON in and JSON out, and pins the JSON that comes back.
 */
@ExtendWith(OutputCaptureExtension.class)
class FunctionInvokerContractTest {

    static {
        // FunctionClassUtils caches the start class per JVM: this module has exactly one.
        System.setProperty("MAIN_CLASS", ContractTestFunctions.class.getName());
    }

    private static final Map<String, FunctionInvoker> invokers = new ConcurrentHashMap<>();
    private static final List<String> LAMBDA_PROXY_MEMBERS = List.of("statusCode", "headers", "body", "isBase64Encoded");
    private static final List<String> MESSAGE_HEADERS = List.of("id", "timestamp", "contentType");

    private final JsonMapper json = KernelBeans.newJsonMapper();

    @Test
    void httpFunction_withAuthorizerClaims_returnsExactProxyResponseWithCallerAndJsonBody() throws IOException {
        JsonNode response = invoke("echo", "apigw-v2-echo.json");

        assertThat(response.propertyNames()).containsExactlyElementsOf(LAMBDA_PROXY_MEMBERS);
        assertThat(response.get("statusCode").intValue()).isEqualTo(201);
        assertThat(response.get("isBase64Encoded").booleanValue()).isFalse();
        assertThat(headers(response)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "content-type", "application/json",
                "location", "/concerts/c-42/echo"));
        JsonNode body = body(response);
        assertThat(body.get("userId").stringValue()).isEqualTo("user-7");
        assertThat(body.get("concertId").stringValue()).isEqualTo("c-42");
        assertThat(body.get("queueToken").stringValue()).isEqualTo("qt-123");
        assertThat(body.get("message").stringValue()).isEqualTo("hello");
    }

    @Test
    void httpFunction_withMalformedJsonBody_returns400MalformedRequestProblem() throws IOException {
        JsonNode response = invoke("echo", "apigw-v2-echo-malformed-body.json");

        assertProblem(response, 400, "malformed-request", "/concerts/c-42/echo");
        assertThat(body(response).get("detail").stringValue()).isEqualTo("the request body is not valid JSON");
    }

    @Test
    void httpFunction_withoutAuthorizerClaims_returns401UnauthenticatedProblem() throws IOException {
        JsonNode response = invoke("echo", "apigw-v2-echo-no-authorizer.json");

        assertProblem(response, 401, "unauthenticated", "/concerts/c-42/echo");
    }

    @Test
    void httpFunction_withBase64EncodedBody_readsDecodedUtf8Body() throws IOException {
        JsonNode response = invoke("echo", "apigw-v2-echo-base64-body.json");

        assertThat(response.get("statusCode").intValue()).isEqualTo(201);
        assertThat(body(response).get("message").stringValue()).isEqualTo("grüße");
    }

    @Test
    void httpFunction_failingUnexpectedly_returns500ProblemWithoutInternals() throws IOException {
        JsonNode response = invoke("boom", "apigw-v2-boom.json");

        assertProblem(response, 500, "internal", "/concerts/c-42/boom");
        assertThat(response.get("body").stringValue())
                .doesNotContain("ticketflow-secret-table", "IllegalStateException", "at io.ticketflow");
    }

    @Test
    void httpFunction_returningNothing_returns204WithEmptyBodyAndNoContentType() throws IOException {
        JsonNode response = invoke("forget", "apigw-v2-delete.json");

        assertThat(response.propertyNames()).containsExactlyElementsOf(LAMBDA_PROXY_MEMBERS);
        assertThat(response.get("statusCode").intValue()).isEqualTo(204);
        assertThat(response.get("body").stringValue()).isEmpty();
        assertThat(headers(response)).isEmpty();
    }

    @Test
    void sqsFunction_withPoisonMessage_reportsOnlyThatMessageAsBatchItemFailure() throws IOException {
        JsonNode response = invoke("consume", "sqs-event.json");

        assertThat(response.propertyNames()).containsExactly("batchItemFailures");
        assertThat(response.get("batchItemFailures").findValuesAsString("itemIdentifier"))
                .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
    }

    @Test
    void sqsFunction_answeringNull_reportsAnEmptyFailureListSoTheWholeBatchSucceeds() throws IOException {
        JsonNode response = invoke("consumeQuietly", "sqs-event.json");

        assertThat(response).isEqualTo(json.readTree("{\"batchItemFailures\":[]}"));
    }

    @Test
    void streamFunction_readsImagesBooleansAndEpochSecondDates_andReportsFailedSequenceNumber() throws IOException {
        // The function fails exactly the record whose NewImage says BROKEN, BOOL false, created at 1795284001 s.
        JsonNode response = invoke("relay", "dynamodb-stream-event.json");

        assertThat(response.get("batchItemFailures").findValuesAsString("itemIdentifier")).containsExactly("222");
    }

    @Test
    void taskFunction_mapsPlainJsonInAndPlainJsonOut() throws IOException {
        JsonNode response = invoke("deductPoints", "task-deduct-points.json");

        assertThat(response).isEqualTo(json.readTree("{\"operationId\":\"op-1\",\"balance\":970}"));
    }

    @Test
    void taskFunction_throwingNamedError_propagatesThatExceptionUnwrappedFromHandleRequest() {
        // Lambda reports an uncaught exception's class as the error type the saga's Catch matches on.
        assertThatThrownBy(() -> invoke("deductPoints", "task-deduct-points-insufficient.json"))
                .isExactlyInstanceOf(InsufficientPoints.class)
                .hasMessage("user user-7 has fewer than 5000")
                .hasNoCause();
    }

    @Test
    void adapterEventLogging_isQuietByDefault_soTokensInEventsStayOutOfTheLogs(CapturedOutput output)
            throws IOException {
        // A typed task goes through SCF's message path, which logs "Received: <event>" at INFO.
        invoke("deductPoints", "task-deduct-points.json");

        assertThat(output.getAll()).doesNotContain("Received:").doesNotContain("op-1");
    }

    // --- What SCF 5.0.5 itself makes of typed functions; the reason the kernel writes the JSON itself ---

    @Test
    void scfTypedApiGatewayFunction_writesNullCookiesAndMultiValueHeaders() throws IOException {
        JsonNode response = invoke("typedEcho", "apigw-v2-echo.json");

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(response.get("cookies").isNull()).isTrue();
        assertThat(response.get("multiValueHeaders").isNull()).isTrue();
        assertThat(headers(response)).doesNotContainKeys(MESSAGE_HEADERS.toArray(String[]::new));
    }

    @Test
    void scfStringFunction_behindApiGateway_getsWholeEventAndLeaksMessageHeaders() throws IOException {
        JsonNode response = invoke("stringEcho", "apigw-v2-echo.json");

        int eventLength = resource("apigw-v2-echo.json").length;
        assertThat(response.get("body").stringValue()).isEqualTo("\"" + eventLength + " characters\"");
        assertThat(headers(response)).containsKeys(MESSAGE_HEADERS.toArray(String[]::new));
    }

    @Test
    void scfTypedSqsFunction_losesRecordsBecausePascalCaseIsNotMapped() throws IOException {
        JsonNode response = invoke("typedConsume", "sqs-event.json");

        assertThat(response.get("batchItemFailures").findValuesAsString("itemIdentifier")).containsExactly("null");
    }

    private void assertProblem(JsonNode response, int status, String slug, String instance) {
        assertThat(response.propertyNames()).containsExactlyElementsOf(LAMBDA_PROXY_MEMBERS);
        assertThat(response.get("statusCode").intValue()).isEqualTo(status);
        assertThat(headers(response)).containsExactly(Map.entry("content-type", "application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.propertyNames()).containsExactly("type", "title", "status", "detail", "instance");
        assertThat(problem.get("type").stringValue()).isEqualTo("https://ticketflow.dev/problems/" + slug);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("instance").stringValue()).isEqualTo(instance);
    }

    private Map<String, String> headers(JsonNode response) {
        return json.convertValue(response.get("headers"), json.getTypeFactory()
                .constructMapType(Map.class, String.class, String.class));
    }

    private JsonNode body(JsonNode response) {
        return json.readTree(response.get("body").stringValue());
    }

    private JsonNode invoke(String function, String eventFile) throws IOException {
        FunctionInvoker invoker = invokers.computeIfAbsent(function, FunctionInvoker::new);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(resource(eventFile)), output, null);
        return json.readTree(output.toString(StandardCharsets.UTF_8));
    }

    private static byte[] resource(String eventFile) throws IOException {
        try (InputStream event = FunctionInvokerContractTest.class.getResourceAsStream("/events/" + eventFile)) {
            return event.readAllBytes();
        }
    }
}

package io.ticketflow.queue;

import static io.ticketflow.kernel.testing.LambdaInvocations.PROXY_MEMBERS;
import static io.ticketflow.kernel.testing.LambdaInvocations.lambdaEnvironment;
import static io.ticketflow.kernel.testing.LambdaInvocations.resource;
import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.testing.LambdaInvocations;
import io.ticketflow.kernel.work.ProofOfWork;
import io.ticketflow.queue.domain.EnterRules;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recorded Lambda events through Spring Cloud Function's {@link FunctionInvoker}, the path Lambda (and the
 * local runtime) take, with {@link QueueFunctions} as the start class and moto behind the functions.
 */
@ExtendWith(MotoExtension.class)
class QueueFunctionsContractIT {

    private static final LambdaInvocations LAMBDA = new LambdaInvocations();

    private static QueueFixture fixture;

    @BeforeAll
    static void startClass(EmulatorEndpoint endpoint) {
        fixture = QueueFixture.withTables(endpoint);
        // FunctionInvoker reads its start class and configuration once; the Environment sees system properties
        lambdaEnvironment(QueueFunctions.class, fixture.settings);
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void enterQueue_firstThenSecondRequest_returns201WithTicketThen200WithSameToken() throws IOException {
        openQueue("c-enter");

        JsonNode first = LAMBDA.invoke(QueueResources.ENTER_QUEUE, enterEvent("c-enter", "user-7"));
        JsonNode second = LAMBDA.invoke(QueueResources.ENTER_QUEUE, enterEvent("c-enter", "user-7"));

        assertThat(first.propertyNames()).containsExactlyElementsOf(PROXY_MEMBERS);
        assertThat(first.get("statusCode").intValue()).isEqualTo(201);
        JsonNode ticket = LAMBDA.body(first);
        assertThat(ticket.propertyNames()).containsExactlyInAnyOrder("token", "concertId", "status", "position", "place",
                "etaSeconds", "pollAfterSeconds");
        assertThat(ticket.get("status").stringValue()).isEqualTo("WAITING");
        assertThat(ticket.get("position").intValue()).isEqualTo(1);
        assertThat(ticket.get("etaSeconds").intValue()).as("no rate measured yet: one batch per tick").isEqualTo(10);
        assertThat(ticket.get("place").intValue()).isEqualTo(1);
        assertThat(first.get("headers").get("retry-after").stringValue()).isEqualTo(ticket.get("pollAfterSeconds").asString());
        assertThat(first.get("headers").get("location").stringValue()).isEqualTo("/queue-tokens/" + ticket.get("token").stringValue());
        assertThat(first.get("headers").get("content-type").stringValue()).isEqualTo("application/json");
        assertThat(second.get("statusCode").intValue()).isEqualTo(200);
        assertThat(LAMBDA.body(second).get("token")).isEqualTo(ticket.get("token"));
    }

    @Test
    void enterQueue_unknownConcert_returns404UnknownConcertProblem() throws IOException {
        JsonNode response = LAMBDA.invoke(QueueResources.ENTER_QUEUE, enterEvent("c-nowhere", "user-7"));

        assertProblem(response, 404, "unknown-concert");
    }

    @Test
    void queueStatus_ownTokenAfterActivation_returnsActiveWithWindow_strangerGets403_unknownGets404() throws IOException {
        openQueue("c-status");
        String token = LAMBDA.body(LAMBDA.invoke(QueueResources.ENTER_QUEUE, enterEvent("c-status", "user-8"))).get("token").stringValue();
        JsonNode activation = LAMBDA.invoke(QueueResources.ACTIVATE_QUEUE, task("{\"concertId\":\"c-status\"}"));

        JsonNode own = LAMBDA.invoke(QueueResources.QUEUE_STATUS, statusEvent(token, "user-8"));
        JsonNode stranger = LAMBDA.invoke(QueueResources.QUEUE_STATUS, statusEvent(token, "user-9"));
        JsonNode unknown = LAMBDA.invoke(QueueResources.QUEUE_STATUS, statusEvent("qt-unknown", "user-8"));

        assertThat(activation.get("queues").get(0).get("activated").intValue()).isEqualTo(1);
        assertThat(own.get("statusCode").intValue()).isEqualTo(200);
        assertThat(LAMBDA.body(own).get("status").stringValue()).isEqualTo("ACTIVE");
        assertThat(LAMBDA.body(own).get("position").intValue()).isZero();
        assertThat(LAMBDA.body(own).get("activeUntil").stringValue()).isNotBlank();
        assertProblem(stranger, 403, "queue-token-of-another-user");
        assertProblem(unknown, 404, "queue-token-not-found");
    }

    @Test
    void queueNowServing_recordedCloudFrontRequest_isCacheableForATick_andAnsweredNotModifiedForItsETag() throws IOException {
        openQueue("c-serving");
        LAMBDA.invoke(QueueResources.ENTER_QUEUE, enterEvent("c-serving", "user-10"));
        LAMBDA.invoke(QueueResources.ACTIVATE_QUEUE, task("{\"concertId\":\"c-serving\"}"));

        JsonNode first = LAMBDA.invoke(QueueResources.QUEUE_NOW_SERVING, nowServingEvent("c-serving", null));
        String etag = first.get("headers").get("etag").stringValue();
        JsonNode again = LAMBDA.invoke(QueueResources.QUEUE_NOW_SERVING, nowServingEvent("c-serving", etag));
        JsonNode unknown = LAMBDA.invoke(QueueResources.QUEUE_NOW_SERVING, nowServingEvent("c-nowhere", null));

        assertThat(first.get("statusCode").intValue()).isEqualTo(200);
        assertThat(first.get("headers").get("cache-control").stringValue()).isEqualTo("public, max-age=10");
        JsonNode serving = LAMBDA.body(first);
        assertThat(serving.get("nowServing").intValue()).as("the one enter was admitted").isEqualTo(1);
        assertThat(serving.get("workDifficulty").intValue()).isEqualTo(EnterRules.DEFAULT_WORK_DIFFICULTY);
        assertThat(again.get("statusCode").intValue()).isEqualTo(304);
        assertThat(again.path("body").asString("")).isEmpty();
        assertProblem(unknown, 404, "unknown-concert");
    }

    @Test
    void expireQueueTokens_scheduledTickWithNothingDue_reportsZeroExpired() throws IOException {
        openQueue("c-expiry");

        JsonNode report = LAMBDA.invoke(QueueResources.EXPIRE_QUEUE_TOKENS, task("{}"));

        // the tick reports every open queue; an empty report would say nothing about this one
        assertThat(report.get("queues").valueStream()
                .filter(queue -> queue.path("concertId").asString().equals("c-expiry"))
                .map(queue -> queue.path("expired").asInt(-1)).toList())
                .as(report.toString()).containsExactly(0);
    }

    @Test
    void queueEventsRelay_recordedOutboxInsert_sendsTheEventToEveryRoutedQueue() throws IOException {
        List<String> routed = Catalogue.queuesFor(QueueResources.EVENTS_TABLE, EventTypes.QUEUE_EXPIRED);
        List<String> urls = routed.stream().map(queue -> fixture.aws.sqs()
                .createQueue(r -> r.queueName(fixture.settings.physicalName(queue))).queueUrl()).toList();

        JsonNode response = LAMBDA.invoke(QueueResources.QUEUE_EVENTS_RELAY, resource("dynamodb-stream-queue-expired.json"));

        assertThat(response.get("batchItemFailures")).isEmpty();
        assertThat(routed).isNotEmpty();
        for (String url : urls) {
            List<String> bodies = fixture.aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages().stream().map(m -> m.body()).toList();
            assertThat(bodies).singleElement().satisfies(body -> {
                JsonNode event = fixture.json.readTree(body);
                assertThat(event.get("eventId").stringValue()).isEqualTo("7d2e9a41-03b6-4c1f-8e5d-9a0b1c2d3e4f");
                assertThat(event.get("payload").get("reason").stringValue()).isEqualTo("BOOKED");
            });
        }
    }

    private static void openQueue(String concertId) throws IOException {
        JsonNode opened = LAMBDA.invoke(QueueFunctions.OPEN_QUEUE, task("{\"concertId\":\"" + concertId + "\"}"));
        assertThat(opened.get("concertId").stringValue()).isEqualTo(concertId);
    }

    private static byte[] enterEvent(String concertId, String userId) throws IOException {
        ObjectNode event = onPath(LAMBDA.event("apigw-v2-enter-queue.json"), "/concerts/" + concertId + "/queue-tokens",
                "concertId", concertId);
        // the work a browser solves first, at the difficulty the function runs with (the deployed default)
        ((ObjectNode) event.get("headers")).put("x-queue-work",
                ProofOfWork.solve(concertId, userId, EnterRules.DEFAULT_WORK_DIFFICULTY, Instant.now()));
        return asCaller(event, userId);
    }

    private static byte[] statusEvent(String token, String userId) throws IOException {
        return asCaller(onPath(LAMBDA.event("apigw-v2-queue-status.json"), "/queue-tokens/" + token, "token", token), userId);
    }

    private static byte[] nowServingEvent(String concertId, String ifNoneMatch) throws IOException {
        ObjectNode event = onPath(LAMBDA.event("apigw-v2-queue-now-serving.json"), "/concerts/" + concertId + "/queue",
                "concertId", concertId);
        if (ifNoneMatch != null) {
            ((ObjectNode) event.get("headers")).put("if-none-match", ifNoneMatch);
        }
        return fixture.json.writeValueAsBytes(event);
    }

    /** The recorded event moved to {@code path}, whose one path parameter is {@code value}. */
    private static ObjectNode onPath(ObjectNode event, String path, String parameter, String value) {
        event.put("rawPath", path);
        ((ObjectNode) event.get("requestContext").get("http")).put("path", path);
        ((ObjectNode) event.get("pathParameters")).put(parameter, value);
        return event;
    }

    private static byte[] asCaller(ObjectNode event, String userId) {
        ((ObjectNode) event.get("requestContext").get("authorizer").get("jwt").get("claims")).put("sub", userId);
        return fixture.json.writeValueAsBytes(event);
    }

    private static byte[] task(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}

package io.ticketflow.point;

import static io.ticketflow.kernel.testing.LambdaInvocations.PROXY_MEMBERS;
import static io.ticketflow.kernel.testing.LambdaInvocations.lambdaEnvironment;
import static io.ticketflow.kernel.testing.LambdaInvocations.resource;
import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.PointResources;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.saga.InsufficientPoints;
import io.ticketflow.kernel.testing.LambdaInvocations;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.io.IOException;
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
 * local runtime) take, with {@link PointFunctions} as the start class and moto behind the functions.
 */
@ExtendWith(MotoExtension.class)
class PointFunctionsContractIT {

    private static final LambdaInvocations LAMBDA = new LambdaInvocations();

    private static PointFixture fixture;

    @BeforeAll
    static void startClass(EmulatorEndpoint endpoint) {
        fixture = PointFixture.withTables(endpoint.uri(), endpoint.region(), "it-");
        // FunctionInvoker reads its start class and configuration once; the Environment sees system properties
        lambdaEnvironment(PointFunctions.class, fixture.settings);
        PointFunctionsTest.PROVIDER_SETTINGS.forEach(System::setProperty);
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void chargePoints_recordedEventTwice_returns200WithSameReceipt_andBalanceShowsOneCharge() throws IOException {
        JsonNode first = charge("user-charge", null);
        JsonNode again = charge("user-charge", null);
        JsonNode balance = LAMBDA.invoke(PointResources.POINT_BALANCE, httpEvent("apigw-v2-point-balance.json", "user-charge", null));

        assertThat(first.propertyNames()).containsExactlyElementsOf(PROXY_MEMBERS);
        assertThat(first.get("statusCode").intValue()).isEqualTo(200);
        assertThat(first.get("headers").get("content-type").stringValue()).isEqualTo("application/json");
        JsonNode receipt = LAMBDA.body(first);
        assertThat(receipt.propertyNames()).containsExactlyInAnyOrder("userId", "requestId", "amount", "balance");
        assertThat(receipt.get("userId").stringValue()).isEqualTo("user-charge");
        assertThat(receipt.get("requestId").stringValue()).isEqualTo("req-contract-1");
        assertThat(receipt.get("balance").longValue()).isEqualTo(5000);
        assertThat(LAMBDA.body(again)).isEqualTo(receipt);
        assertThat(LAMBDA.body(balance).get("balance").longValue()).isEqualTo(5000);
    }

    @Test
    void chargePoints_aboveTheMaximum_returns400ChargeOutOfRangeProblem() throws IOException {
        JsonNode response = charge("user-max", "{\"userId\":\"user-max\",\"requestId\":\"req-big\",\"amount\":1000001}");

        assertProblem(response, 400, "charge-amount-out-of-range");
        assertThat(LAMBDA.body(LAMBDA.invoke(PointResources.POINT_BALANCE, httpEvent("apigw-v2-point-balance.json", "user-max", null)))
                .get("balance").longValue()).isZero();
    }

    @Test
    void chargePoints_bodyNotJson_returns400MalformedRequestProblem() throws IOException {
        JsonNode response = charge("user-bad", "{\"requestId\":");

        assertProblem(response, 400, "malformed-request");
    }

    @Test
    void chargePoints_amountWithAFractionExponentOrQuotes_returns400MalformedRequest_andChargesNothing() throws IOException {
        int items = fixture.itemCount();

        for (String amount : new String[] {"12.5", "1e2", "\"12\""}) {
            JsonNode response = charge("user-point",
                    "{\"userId\":\"user-point\",\"requestId\":\"req-point\",\"amount\":" + amount + "}");

            assertProblem(response, 400, "malformed-request");
            assertThat(LAMBDA.body(response).get("detail").stringValue()).as(amount).endsWith("at '/amount'");
        }
        assertThat(fixture.itemCount()).isEqualTo(items);
        assertThat(LAMBDA.body(LAMBDA.invoke(PointResources.POINT_BALANCE, httpEvent("apigw-v2-point-balance.json", "user-point", null)))
                .get("balance").longValue()).isZero();
    }

    @Test
    void deductThenRefund_recordedSagaPayloads_moveTheBalanceAndHistoryListsThreeLinesNewestFirst() throws IOException {
        charge("user-saga", null);

        JsonNode deducted = LAMBDA.invoke(PointResources.DEDUCT_POINTS, task("task-deduct-points.json", "user-saga"));
        JsonNode refunded = LAMBDA.invoke(PointResources.REFUND_POINTS, task("task-refund-points.json", "user-saga"));
        JsonNode history = LAMBDA.body(LAMBDA.invoke(PointResources.POINT_HISTORY, httpEvent("apigw-v2-point-history.json", "user-saga", null)));

        assertThat(deducted.get("operationId").stringValue()).isEqualTo("r-contract:deduct");
        assertThat(deducted.get("amount").longValue()).isEqualTo(3000);
        assertThat(deducted.get("balance").longValue()).isEqualTo(2000);
        assertThat(refunded.get("refunded").longValue()).isEqualTo(3000);
        assertThat(refunded.get("balance").longValue()).isEqualTo(5000);
        assertThat(history.get("balance").longValue()).isEqualTo(5000);
        assertThat(history.get("entries").findValuesAsString("type")).containsExactly("REFUNDED", "DEDUCTED", "CHARGED");
        assertThat(history.get("entries").get(2).has("reservationId")).isFalse();
        assertThat(history.get("entries").get(0).get("reservationId").stringValue()).isEqualTo("r-contract");
        assertThat(Instant.parse(history.get("entries").get(0).get("at").stringValue())).isNotNull();
        assertThat(fixture.eventsValidated("user-saga")).hasSize(3);
    }

    @Test
    void deductPoints_balanceTooLow_throwsInsufficientPointsUnwrapped_theNameTheSagaCatchMatches() throws IOException {
        byte[] event = task("task-deduct-points-insufficient.json", "user-poor");
        int items = fixture.itemCount();

        assertThatThrownBy(() -> LAMBDA.invoke(PointResources.DEDUCT_POINTS, event))
                .isExactlyInstanceOf(InsufficientPoints.class)
                .hasNoCause();
        assertThat(InsufficientPoints.class.getName()).isEqualTo("io.ticketflow.kernel.saga.InsufficientPoints");
        assertThat(fixture.itemCount()).isEqualTo(items);
    }

    @Test
    void refundPoints_withoutDeduction_succeedsRefundingZero() throws IOException {
        JsonNode refunded = LAMBDA.invoke(PointResources.REFUND_POINTS, task("task-refund-points.json", "user-nodeduct"));

        assertThat(refunded.get("refunded").longValue()).isZero();
        assertThat(refunded.get("balance").longValue()).isZero();
    }

    @Test
    void pointEventsRelay_recordedOutboxInsert_sendsTheEventToTheAuditQueue() throws IOException {
        assertThat(Catalogue.queuesFor(PointResources.EVENTS_TABLE, EventTypes.POINT_CHARGED))
                .containsExactly(PointResources.AUDIT_QUEUE);
        String url = fixture.aws.sqs().createQueue(r -> r.queueName(fixture.settings.physicalName(PointResources.AUDIT_QUEUE)))
                .queueUrl();

        JsonNode response = LAMBDA.invoke(PointResources.EVENTS_RELAY, resource("dynamodb-stream-point-charged.json"));

        assertThat(response.get("batchItemFailures")).isEmpty();
        List<String> bodies = fixture.aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages().stream().map(m -> m.body()).toList();
        assertThat(bodies).singleElement().satisfies(body -> {
            JsonNode event = fixture.json.readTree(body);
            assertThat(event.get("type").stringValue()).isEqualTo(EventTypes.POINT_CHARGED);
            assertThat(event.get("payload").get("balance").longValue()).isEqualTo(5000);
        });
    }

    @Test
    void chargePoints_withAUsersToken_returns403InsufficientScope_andChargesNothing() throws IOException {
        int items = fixture.itemCount();
        ObjectNode event = LAMBDA.event("apigw-v2-charge-points.json");
        ObjectNode claims = (ObjectNode) event.get("requestContext").get("authorizer").get("jwt").get("claims");
        claims.remove("scope");
        claims.put("sub", "user-7");

        assertProblem(LAMBDA.invoke(PointResources.CHARGE_POINTS, fixture.json.writeValueAsBytes(event)), 403,
                "insufficient-scope");
        assertThat(fixture.itemCount()).isEqualTo(items);
    }

    @Test
    void chargePoints_withoutTheUserToCredit_returns400InvalidRequest() throws IOException {
        assertProblem(charge("user-none", "{\"requestId\":\"req-none\",\"amount\":5}"), 400, "invalid-request");
    }

    /** An operator's charge for {@code userId}: the recorded event's body names that user unless {@code body} is given. */
    private static JsonNode charge(String userId, String body) throws IOException {
        ObjectNode event = LAMBDA.event("apigw-v2-charge-points.json");
        event.put("body", body != null ? body : event.get("body").stringValue().replace("user-7", userId));
        return LAMBDA.invoke(PointResources.CHARGE_POINTS, fixture.json.writeValueAsBytes(event));
    }

    private static byte[] httpEvent(String file, String userId, String body) throws IOException {
        ObjectNode event = LAMBDA.event(file);
        ((ObjectNode) event.get("requestContext").get("authorizer").get("jwt").get("claims")).put("sub", userId);
        if (body != null) {
            event.put("body", body);
        }
        return fixture.json.writeValueAsBytes(event);
    }

    private static byte[] task(String file, String userId) throws IOException {
        ObjectNode input = LAMBDA.event(file);
        input.put("userId", userId);
        return fixture.json.writeValueAsBytes(input);
    }
}

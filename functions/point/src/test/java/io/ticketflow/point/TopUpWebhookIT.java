package io.ticketflow.point;

import static io.ticketflow.kernel.testing.LambdaInvocations.lambdaEnvironment;
import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ticketflow.catalog.PointResources;
import io.ticketflow.kernel.testing.LambdaInvocations;
import io.ticketflow.point.adapter.DynamoDbTopUpOrders;
import io.ticketflow.point.domain.TopUpOrder;
import io.ticketflow.point.domain.WebhookSignature;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Buying points through the provider seam, through {@code FunctionInvoker} with moto behind the functions: a
 * top-up opens a checkout and credits nothing; only a correctly signed, fresh webhook delivery about that checkout,
 * with its amount and currency, credits, and only once.
 */
@ExtendWith(MotoExtension.class)
class TopUpWebhookIT {

    private static final LambdaInvocations LAMBDA = new LambdaInvocations();
    private static final String SECRET = "whsec_" + "k".repeat(40);
    private static final WebhookSignature PROVIDER = WebhookSignature.of(SECRET);

    private static PointFixture fixture;
    private static HttpServer provider;
    private static final List<String> checkoutRequests = new CopyOnWriteArrayList<>();
    private static final AtomicInteger checkouts = new AtomicInteger();

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) throws IOException {
        fixture = PointFixture.withTables(endpoint.uri(), endpoint.region(), "topup-");
        // the provider's checkout API, as the HTTP adapter calls it (no AWS in it)
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/v1/checkouts", exchange -> {
            checkoutRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String id = "cs_test_" + checkouts.incrementAndGet();
            byte[] answer = ("{\"checkoutId\":\"" + id + "\",\"url\":\"https://pay.example/" + id + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        provider.start();
        lambdaEnvironment(PointFunctions.class, fixture.settings);
        System.setProperty(PointSettings.WEBHOOK_SECRET, SECRET);
        System.setProperty(PointSettings.PROVIDER_URL, "http://127.0.0.1:" + provider.getAddress().getPort() + "/v1");
    }

    @AfterAll
    static void stop() {
        provider.stop(0);
        fixture.close();
    }

    @Test
    void startTopUp_opensACheckoutForTheCaller_answers201WithWhereToPay_andCreditsNothing() throws IOException {
        ObjectNode event = LAMBDA.event("apigw-v2-start-top-up.json");
        ((ObjectNode) event.get("requestContext").get("authorizer").get("jwt").get("claims")).put("sub", "user-start");

        JsonNode response = LAMBDA.invoke(PointResources.START_TOP_UP, fixture.json.writeValueAsBytes(event));

        assertThat(response.get("statusCode").intValue()).isEqualTo(201);
        JsonNode checkout = LAMBDA.body(response);
        assertThat(checkout.get("amount").longValue()).isEqualTo(500);
        assertThat(checkout.get("currency").stringValue()).isEqualTo("EUR");
        assertThat(checkout.get("paymentUrl").stringValue()).startsWith("https://pay.example/cs_test_");
        assertThat(fixture.json.readTree(checkoutRequests.get(checkoutRequests.size() - 1)).get("clientReference").stringValue())
                .isEqualTo("user-start");
        assertThat(balance("user-start")).isZero();
    }

    @Test
    void startTopUp_aboveTheMaximum_returns400_andOpensNoCheckout() throws IOException {
        ObjectNode event = LAMBDA.event("apigw-v2-start-top-up.json");
        event.put("body", "{\"amount\":1000001}");
        int opened = checkoutRequests.size();

        assertProblem(LAMBDA.invoke(PointResources.START_TOP_UP, fixture.json.writeValueAsBytes(event)), 400,
                "charge-amount-out-of-range");
        assertThat(checkoutRequests).hasSize(opened);
    }

    @Test
    void aSignedCompletedCheckout_creditsItsPoints_andTheSameEventDeliveredAgain_creditsNothingAndAnswers200() throws IOException {
        order("user-paid", "cs_paid", 500);
        String body = completed("evt_paid", "cs_paid", "user-paid", 500, "EUR");

        JsonNode first = deliver(body, PROVIDER.header(Instant.now(), body));
        JsonNode again = deliver(body, PROVIDER.header(Instant.now(), body));

        assertThat(first.get("statusCode").intValue()).isEqualTo(200);
        assertThat(LAMBDA.body(first).get("outcome").stringValue()).isEqualTo("CREDITED");
        assertThat(again.get("statusCode").intValue()).isEqualTo(200);
        assertThat(balance("user-paid")).isEqualTo(500);
        assertThat(fixture.eventsValidated("user-paid")).singleElement()
                .satisfies(charged -> assertThat(charged.type()).isEqualTo("POINT_CHARGED"));
    }

    @Test
    void anotherEventAboutAnAlreadyCreditedCheckout_creditsNothing() throws IOException {
        order("user-twice", "cs_twice", 300);
        String first = completed("evt_twice_1", "cs_twice", "user-twice", 300, "EUR");
        String second = completed("evt_twice_2", "cs_twice", "user-twice", 300, "EUR");

        deliver(first, PROVIDER.header(Instant.now(), first));
        JsonNode response = deliver(second, PROVIDER.header(Instant.now(), second));

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(balance("user-twice")).isEqualTo(300);
    }

    @Test
    void aDeliverySignedWithAnotherSecret_returns400ProblemJson_andCreditsNothing() throws IOException {
        order("user-forged", "cs_forged", 500);
        String body = completed("evt_forged", "cs_forged", "user-forged", 500, "EUR");
        String forged = WebhookSignature.of("whsec_" + "z".repeat(40)).header(Instant.now(), body);

        JsonNode response = deliver(body, forged);

        assertProblem(response, 400, "webhook-signature-invalid");
        assertThat(response.get("headers").get("content-type").stringValue()).isEqualTo("application/problem+json");
        assertThat(balance("user-forged")).isZero();
    }

    @Test
    void aDeliveryWithoutSignature_orWithATamperedAmount_returns400_andCreditsNothing() throws IOException {
        order("user-tamper", "cs_tamper", 5);
        String body = completed("evt_tamper", "cs_tamper", "user-tamper", 5, "EUR");
        String header = PROVIDER.header(Instant.now(), body);

        assertProblem(deliver(body, null), 400, "webhook-signature-invalid");
        assertProblem(deliver(body.replace("\"amount\":5", "\"amount\":50000"), header), 400, "webhook-signature-invalid");
        assertThat(balance("user-tamper")).isZero();
    }

    @Test
    void aCapturedDeliverySentAgainAfterTheReplayWindow_returns400Expired_andCreditsNothing() throws IOException {
        order("user-stale", "cs_stale", 500);
        String body = completed("evt_stale", "cs_stale", "user-stale", 500, "EUR");

        JsonNode response = deliver(body, PROVIDER.header(Instant.now().minusSeconds(6 * 60), body));

        assertProblem(response, 400, "webhook-signature-expired");
        assertThat(balance("user-stale")).isZero();
    }

    @Test
    void aSignedEventWithAnotherAmountOrCurrencyOrAnUnknownCheckout_returns400TopUpMismatch_andCreditsNothing() throws IOException {
        order("user-mismatch", "cs_mismatch", 500);
        for (String body : List.of(completed("evt_m1", "cs_mismatch", "user-mismatch", 5000, "EUR"),
                completed("evt_m2", "cs_mismatch", "user-mismatch", 500, "USD"),
                completed("evt_m3", "cs_unknown", "user-mismatch", 500, "EUR"),
                completed("evt_m4", "cs_mismatch", "someone-else", 500, "EUR"))) {
            assertProblem(deliver(body, PROVIDER.header(Instant.now(), body)), 400, "top-up-mismatch");
        }
        assertThat(balance("user-mismatch")).isZero();
    }

    @Test
    void aSignedEventOfAnotherType_isAnswered200Ignored_andCreditsNothing() throws IOException {
        order("user-expired", "cs_expired", 500);
        String body = completed("evt_expired", "cs_expired", "user-expired", 500, "EUR")
                .replace("checkout.completed", "checkout.expired");

        JsonNode response = deliver(body, PROVIDER.header(Instant.now(), body));

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(LAMBDA.body(response).get("outcome").stringValue()).isEqualTo("IGNORED");
        assertThat(balance("user-expired")).isZero();
    }

    private static void order(String userId, String checkoutId, long amount) {
        new DynamoDbTopUpOrders(fixture.aws.dynamoDb(), fixture.accountsTable()).save(new TopUpOrder(userId, checkoutId,
                amount, "EUR", "https://pay.example/" + checkoutId, Instant.now()));
    }

    private static String completed(String eventId, String checkoutId, String userId, long amount, String currency) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"checkout.completed\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"data\":{\"checkoutId\":\"" + checkoutId + "\",\"clientReference\":\"" + userId
                + "\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}}";
    }

    private static JsonNode deliver(String body, String signature) throws IOException {
        ObjectNode event = LAMBDA.event("apigw-v2-top-up-webhook.json");
        event.put("body", body);
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (signature == null) {
            headers.remove("ticketflow-signature");
        } else {
            headers.put("ticketflow-signature", signature);
        }
        return LAMBDA.invoke(PointResources.TOP_UP_WEBHOOK, fixture.json.writeValueAsBytes(event));
    }

    private static long balance(String userId) {
        return fixture.book(java.time.Clock.systemUTC()).account(userId).balance();
    }
}

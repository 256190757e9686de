package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Buying points over HTTP, as {@code scripts/run-local} serves it: the top-up opens a checkout at the simulated
 * provider, which credits nothing until it is paid; paying it delivers the signed webhook through the API, and a
 * second delivery of the same event credits nothing more. Without the provider's signature the webhook credits
 * nothing, and a user cannot credit themselves through the operators' charge.
 */
@ExtendWith(MotoExtension.class)
class PaymentProviderTopUpIT {

    private static final JsonMapper JSON = Bookings.JSON;
    private static LocalRuntime runtime;
    private static Bookings bookings;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        LocalOptions options = new LocalOptions(0, endpoint.uri(), endpoint.region(), "provider-", ProjectRoot.find(),
                Map.of(LocalOptions.ALL_SCHEDULES, 3_600), Map.of(), false);
        runtime = LocalRuntime.start(options, Topology.catalogue());
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aTopUp_creditsNothingUntilPaid_thenItsAmountOnce_howeverOftenTheProviderDeliversTheEvent() throws Exception {
        Bookings.User buyer = bookings.user("buyer");
        String bearer = buyer.bearer;

        HttpResponse<String> started = send("POST", "/points/top-ups", bearer, "{\"amount\":700}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode checkout = JSON.readTree(started.body());
        assertThat(buyer.balance()).as("opening a checkout credits nothing").isZero();

        HttpResponse<String> page = send("GET", URI.create(checkout.path("paymentUrl").asString()).getPath(), null, null);
        assertThat(JSON.readTree(page.body()).path("amount").longValue()).isEqualTo(700);

        String confirm = "/dev/provider/checkouts/" + checkout.path("checkoutId").asString() + "/confirm";
        JsonNode first = JSON.readTree(send("POST", confirm, null, null).body());
        JsonNode again = JSON.readTree(send("POST", confirm, null, null).body());

        assertThat(first.path("webhook").path("status").intValue()).isEqualTo(200);
        assertThat(first.path("webhook").path("body").path("outcome").asString()).isEqualTo("CREDITED");
        assertThat(again.path("eventId").asString()).as("the same event, delivered again").isEqualTo(first.path("eventId").asString());
        assertThat(again.path("webhook").path("status").intValue()).isEqualTo(200);
        assertThat(buyer.balance()).isEqualTo(700);
    }

    @Test
    void aWebhookDeliveryWithoutTheProvidersSignature_answers400ProblemJson_andCreditsNothing() throws Exception {
        Bookings.User forger = bookings.user("forger");
        String checkoutId = JSON.readTree(send("POST", "/points/top-ups", forger.bearer, "{\"amount\":900}").body())
                .path("checkoutId").asString();
        String event = "{\"id\":\"evt_forged\",\"type\":\"checkout.completed\",\"data\":{\"checkoutId\":\"" + checkoutId
                + "\",\"clientReference\":\"" + forger.userId + "\",\"amount\":900,\"currency\":\"EUR\"}}";

        HttpResponse<String> forged = bookings.send("POST", "/points/top-ups/webhook", null, event,
                Map.of("Ticketflow-Signature", "t=" + (System.currentTimeMillis() / 1000) + ",v1=" + "ab".repeat(32)));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(forged.body()).path("type").asString()).endsWith("/webhook-signature-invalid");
        assertThat(forger.balance()).isZero();
    }

    @Test
    void aUsersToken_cannotChargePointsDirectly() throws Exception {
        Bookings.User freeloader = bookings.user("freeloader");

        HttpResponse<String> charged = send("POST", "/points/charges", freeloader.bearer,
                "{\"userId\":\"" + freeloader.userId + "\",\"requestId\":\"free-1\",\"amount\":1000000}");

        assertThat(charged.statusCode()).isEqualTo(403);
        assertThat(freeloader.balance()).isZero();
    }

    private static HttpResponse<String> send(String method, String path, String bearer, String body) {
        return bookings.send(method, path, bearer, body, Map.of());
    }
}

package io.ticketflow.local;

import io.ticketflow.kernel.Ids;
import io.ticketflow.point.domain.ProviderEvent;
import io.ticketflow.point.domain.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payment provider a laptop has: local only, served beside the emulated API under {@value #PATH}, never in the
 * catalogue or on AWS. It speaks the provider API the Point service's HTTP adapter calls and delivers the webhook as a
 * provider does, over HTTP to the API, signed with the shared secret:
 * <ul>
 *   <li>{@code POST /dev/provider/checkouts} — opens a checkout ({@code amount}, {@code currency},
 *       {@code clientReference}), answers {@code checkoutId} and {@code url};</li>
 *   <li>{@code GET /dev/provider/checkouts/{id}} — the "card page": what is to be paid;</li>
 *   <li>{@code POST /dev/provider/checkouts/{id}/confirm} — the user paid: signs {@code checkout.completed} and
 *       delivers it to {@code POST /points/top-ups/webhook}; confirming again delivers the same event again, as a
 *       provider retries, and answers what the webhook answered.</li>
 *   <li>{@code /dev/provider/cards/...} — the card API the Payment service charges the card part of a booking
 *       through, with test tokens ({@link SimulatedCards}).</li>
 * </ul>
 * Checkouts live in memory: they do not survive a restart, like the emulated executions.
 */
final class SimulatedPaymentProvider {

    static final String PATH = "/dev/provider";
    static final String WEBHOOK_PATH = "/points/top-ups/webhook";
    private static final Pattern CHECKOUT = Pattern.compile(PATH + "/checkouts/([A-Za-z0-9_-]{1,64})(/confirm)?");

    static final int DELIVERY_ATTEMPTS = 5;

    private final URI api;
    private final WebhookSignature signature;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Checkout> checkouts = new ConcurrentHashMap<>();
    private final SimulatedCards cards;

    private record Checkout(String checkoutId, long amount, String currency, String clientReference, String eventId) {
    }

    /** @param api the emulated API's base URL: where checkout pages are and where the webhook is delivered */
    SimulatedPaymentProvider(URI api, WebhookSignature signature, JsonMapper json, Clock clock) {
        this.api = api;
        this.signature = signature;
        this.json = json;
        this.clock = clock;
        this.cards = new SimulatedCards(json);
    }

    /** The base URL the Point and Payment services' adapters are configured with ({@code *_PROVIDER_URL}). */
    static String baseUrl(URI api) {
        return api + PATH;
    }

    static boolean serves(String path) {
        return path.startsWith(PATH + "/");
    }

    /**
     * @param idempotencyKey the request's {@code Idempotency-Key} header, null without one
     * @return the status and JSON body to answer
     */
    Answer handle(String method, String path, String idempotencyKey, byte[] body) {
        if (SimulatedCards.serves(path)) {
            return cards.handle(method, path, idempotencyKey, body);
        }
        if (method.equals("POST") && path.equals(PATH + "/checkouts")) {
            return open(body);
        }
        Matcher checkout = CHECKOUT.matcher(path);
        if (!checkout.matches()) {
            return Answer.message(json, 404, "Not Found");
        }
        Optional<Checkout> found = Optional.ofNullable(checkouts.get(checkout.group(1)));
        if (found.isEmpty()) {
            return Answer.message(json, 404, "no checkout " + checkout.group(1));
        }
        boolean confirm = checkout.group(2) != null;
        if (confirm && method.equals("POST")) {
            return confirm(found.get());
        }
        if (!confirm && method.equals("GET")) {
            return new Answer(200, page(found.get()));
        }
        return Answer.message(json, 405, "Method Not Allowed");
    }

    private Answer open(byte[] body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException malformed) {
            return Answer.message(json, 400, "body must be JSON");
        }
        JsonNode amount = request.path("amount");
        String currency = request.path("currency").asString("");
        String reference = request.path("clientReference").asString("");
        if (!amount.isIntegralNumber() || amount.longValue() < 1 || currency.isBlank() || reference.isBlank()) {
            return Answer.message(json, 400, "amount (a positive integer), currency and clientReference are required");
        }
        String id = "cs_sim_" + Ids.newId().replace("-", "");
        Checkout checkout = new Checkout(id, amount.longValue(), currency, reference,
                "evt_sim_" + Ids.newId().replace("-", ""));
        checkouts.put(id, checkout);
        ObjectNode answer = page(checkout);
        return new Answer(201, answer);
    }

    private ObjectNode page(Checkout checkout) {
        ObjectNode page = json.createObjectNode();
        page.put("checkoutId", checkout.checkoutId());
        page.put("url", api + PATH + "/checkouts/" + checkout.checkoutId());
        page.put("amount", checkout.amount());
        page.put("currency", checkout.currency());
        page.put("confirm", "POST " + api + PATH + "/checkouts/" + checkout.checkoutId() + "/confirm");
        return page;
    }

    /** The user paid: the event is signed at the moment of each delivery, as a provider signs each attempt. */
    private Answer confirm(Checkout checkout) {
        ObjectNode event = json.createObjectNode();
        event.put("id", checkout.eventId());
        event.put("type", ProviderEvent.CHECKOUT_COMPLETED);
        event.put("created", clock.instant().getEpochSecond());
        ObjectNode data = event.putObject("data");
        data.put("checkoutId", checkout.checkoutId());
        data.put("clientReference", checkout.clientReference());
        data.put("amount", checkout.amount());
        data.put("currency", checkout.currency());
        String body = event.toString();
        HttpResponse<String> delivered;
        try {
            delivered = deliver(body);
        } catch (IOException e) {
            return Answer.message(json, 502, "the webhook was not delivered: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.message(json, 502, "interrupted while delivering the webhook");
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("checkoutId", checkout.checkoutId());
        answer.put("eventId", checkout.eventId());
        ObjectNode webhook = answer.putObject("webhook");
        webhook.put("status", delivered.statusCode());
        try {
            webhook.set("body", json.readTree(delivered.body()));
        } catch (JacksonException notJson) {
            webhook.put("body", delivered.body());
        }
        // the provider's own call succeeded; whether the webhook took the event is in "webhook"
        return new Answer(200, answer);
    }

    /**
     * Delivers as providers do: again, freshly signed, while the endpoint answers 5xx or 409 (a crashed or busy
     * function), a few times with growing pauses.
     */
    private HttpResponse<String> deliver(String body) throws IOException, InterruptedException {
        HttpResponse<String> delivered = null;
        for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
            delivered = http.send(HttpRequest.newBuilder(URI.create(api + WEBHOOK_PATH))
                    .timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json")
                    .header(WebhookSignature.HEADER, signature.header(clock.instant(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (delivered.statusCode() < 500 && delivered.statusCode() != 409) {
                return delivered;
            }
            Thread.sleep(100L * attempt);
        }
        return delivered;
    }

    record Answer(int status, JsonNode body) {

        static Answer message(JsonMapper json, int status, String message) {
            return new Answer(status, json.createObjectNode().put("message", message));
        }
    }
}

package io.ticketflow.point.adapter;

import io.ticketflow.point.domain.PaymentProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment provider's checkout API over HTTPS: {@code POST <base>/checkouts} with
 * {@code {"amount", "currency", "clientReference"}} answers {@code {"checkoutId", "url"}}. Locally the runtime's
 * simulated provider serves it.
 */
public final class HttpPaymentProvider implements PaymentProvider {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Well within the function's own timeout, so a slow provider is an answer (503), not a killed Lambda. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final URI checkouts;
    private final JsonMapper json;

    /** @param baseUrl the provider API's base, e.g. {@code http://127.0.0.1:8080/dev/provider} */
    public HttpPaymentProvider(URI baseUrl, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.checkouts = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/checkouts");
        this.json = json;
    }

    @Override
    public Checkout openCheckout(String clientReference, long amount, String currency) {
        String body = json.createObjectNode().put("amount", amount).put("currency", currency)
                .put("clientReference", clientReference).toString();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(checkouts).timeout(REQUEST_TIMEOUT)
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailable("the provider at " + checkouts + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while opening a checkout", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ProviderUnavailable("the provider answered " + response.statusCode(), null);
        }
        try {
            JsonNode checkout = json.readTree(response.body());
            String id = checkout.path("checkoutId").asString("");
            String url = checkout.path("url").asString("");
            if (id.isBlank() || url.isBlank()) {
                throw new ProviderUnavailable("the provider's answer has no checkoutId or url", null);
            }
            return new Checkout(id, url);
        } catch (JacksonException e) {
            throw new ProviderUnavailable("the provider's answer is not JSON", e);
        }
    }
}

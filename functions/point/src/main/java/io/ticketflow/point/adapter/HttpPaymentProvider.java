package io.ticketflow.point.adapter;

import io.ticketflow.kernel.provider.ProviderClient;
import io.ticketflow.point.domain.PaymentProvider;
import java.net.URI;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment provider's checkout API over HTTPS: {@code POST <base>/checkouts} with
 * {@code {"amount", "currency", "clientReference"}} answers {@code {"checkoutId", "url"}}. Locally the runtime's
 * simulated provider serves it.
 */
public final class HttpPaymentProvider implements PaymentProvider {

    /** Well within the function's own timeout, so a slow provider is an answer (503), not a killed Lambda. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final ProviderClient provider;
    private final JsonMapper json;

    /** @param baseUrl the provider API's base, e.g. {@code http://127.0.0.1:8080/dev/provider} */
    public HttpPaymentProvider(URI baseUrl, JsonMapper json) {
        this.provider = new ProviderClient(baseUrl, REQUEST_TIMEOUT, json);
        this.json = json;
    }

    @Override
    public Checkout openCheckout(String clientReference, long amount, String currency) {
        var body = json.createObjectNode().put("amount", amount).put("currency", currency)
                .put("clientReference", clientReference);
        try {
            ProviderClient.Answer answer = provider.post("/checkouts", body, null);
            if (!answer.ok()) {
                throw new ProviderUnavailable("the provider answered " + answer.status(), null);
            }
            return new Checkout(answer.require("checkoutId"), answer.require("url"));
        } catch (io.ticketflow.kernel.provider.ProviderUnavailable unavailable) {
            // the domain's own type: the top-up answers 503 without knowing the HTTP mechanics
            throw new ProviderUnavailable(unavailable.getMessage(), unavailable);
        }
    }
}

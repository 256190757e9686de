package io.ticketflow.payment.adapter;

import io.ticketflow.kernel.provider.ProviderClient;
import io.ticketflow.payment.domain.CardProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's card API over HTTPS (locally the runtime's simulated provider), each call a POST under its
 * idempotency key: {@code /cards/authorisations} {@code {paymentMethod, amount, reference}} answers
 * {@code authorisationId} or 402 when the card is declined; {@code /cards/captures}, {@code /cards/voids} and
 * {@code /cards/refunds} {@code {authorisationKey}} answer {@code captureId}, {@code voidId} (404: nothing was
 * authorised) and {@code refundId}.
 */
public final class HttpCardProvider implements CardProvider {

    /** Short: a saga step waits for it, and retries a provider that is slow with back-off. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final int DECLINED = 402;
    private static final int NOT_FOUND = 404;

    private final ProviderClient provider;
    private final JsonMapper json;

    public HttpCardProvider(URI baseUrl, JsonMapper json) {
        this.provider = new ProviderClient(baseUrl, REQUEST_TIMEOUT, json);
        this.json = json;
    }

    @Override
    public String authorise(String idempotencyKey, String paymentMethod, long amount, String reservationId) {
        var body = json.createObjectNode().put("paymentMethod", paymentMethod).put("amount", amount)
                .put("reference", reservationId);
        return required(provider.post("/cards/authorisations", body, idempotencyKey), "authorisationId");
    }

    @Override
    public String capture(String idempotencyKey, String authorisationKey) {
        return required(call("/cards/captures", idempotencyKey, authorisationKey), "captureId");
    }

    @Override
    public Optional<String> voidAuthorisation(String idempotencyKey, String authorisationKey) {
        ProviderClient.Answer answer = call("/cards/voids", idempotencyKey, authorisationKey);
        return answer.status() == NOT_FOUND ? Optional.empty() : Optional.of(required(answer, "voidId"));
    }

    @Override
    public String refund(String idempotencyKey, String authorisationKey) {
        return required(call("/cards/refunds", idempotencyKey, authorisationKey), "refundId");
    }

    private ProviderClient.Answer call(String path, String idempotencyKey, String authorisationKey) {
        return provider.post(path, json.createObjectNode().put("authorisationKey", authorisationKey), idempotencyKey);
    }

    private static String required(ProviderClient.Answer answer, String field) {
        if (answer.status() == DECLINED) {
            throw new CardDeclined(answer.body().path("message").asString("the card was declined"));
        }
        if (!answer.ok()) {
            // our request was wrong (a 4xx other than a decline): a bug to see, not a card to blame
            throw new IllegalStateException("the provider refused the request with " + answer.status() + ": "
                    + answer.body());
        }
        return answer.require(field);
    }
}

package io.ticketflow.kernel.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP mechanics of a payment provider's JSON API, shared by the adapters that talk to it (the Point service's
 * top-up checkout, the Payment service's card payments): one POST of a JSON body under an idempotency key, bounded
 * in time, answering the provider's status and JSON body. What a status means is the adapter's business; a call that
 * gives no usable answer is {@link ProviderUnavailable}.
 */
public final class ProviderClient {

    /** The header a provider deduplicates a repeated call by (the same call under the same key happens once). */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http;
    private final String base;
    private final Duration requestTimeout;
    private final JsonMapper json;

    /**
     * @param baseUrl        the provider API's base, e.g. {@code http://127.0.0.1:8080/dev/provider}
     * @param requestTimeout well within the calling function's own timeout, so a slow provider is an answer, not a
     *                       killed Lambda
     */
    public ProviderClient(URI baseUrl, Duration requestTimeout, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.base = baseUrl.toString().replaceAll("/+$", "");
        this.requestTimeout = requestTimeout;
        this.json = json;
    }

    /** What the provider answered: a 2xx or a 4xx, with its JSON body. */
    public record Answer(int status, JsonNode body) {

        public boolean ok() {
            return status / 100 == 2;
        }

        /** @throws ProviderUnavailable when the field is missing or blank: the provider broke its own contract */
        public String require(String field) {
            String value = body.path(field).asString("");
            if (value.isBlank()) {
                throw new ProviderUnavailable("the provider's answer has no " + field, null);
            }
            return value;
        }
    }

    /**
     * @param path           below the base URL, e.g. {@code /checkouts}
     * @param idempotencyKey null when the call is not to be deduplicated
     * @throws ProviderUnavailable when there is no answer in time, a 5xx, or a body that is not JSON
     */
    public Answer post(String path, JsonNode body, String idempotencyKey) {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header(IDEMPOTENCY_KEY, idempotencyKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailable("the provider at " + uri + " did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while calling the provider at " + uri, e);
        }
        if (response.statusCode() >= 500 || response.statusCode() / 100 < 2 || response.statusCode() / 100 == 3) {
            throw new ProviderUnavailable("the provider at " + uri + " answered " + response.statusCode(), null);
        }
        try {
            return new Answer(response.statusCode(), json.readTree(response.body()));
        } catch (JacksonException e) {
            throw new ProviderUnavailable("the answer of the provider at " + uri + " is not JSON", e);
        }
    }

    /**
     * The provider's base URL from a required setting.
     *
     * @throws IllegalStateException when it is not set or not an absolute http(s) URL: start-up fails, saying so
     */
    public static URI baseUrl(Function<String, String> properties, String key) {
        String text = properties.apply(key);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException(key + " is not set");
        }
        try {
            URI url = URI.create(text.strip());
            if (url.getScheme() != null && url.getScheme().matches("https?") && url.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException malformed) {
            // told below, with the key's name
        }
        throw new IllegalStateException(key + " must be an absolute http(s) URL, was '" + text + "'");
    }
}

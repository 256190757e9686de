package io.ticketflow.point.function;

import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.point.domain.WebhookSignature;

/**
 * A delivery of the payment provider's webhook, unread until its signature is checked: the request keeps the body
 * exactly as it came (the signature covers it). No caller: the route has no authorizer, the signature is the
 * authentication.
 */
public record TopUpWebhook(String signature, HttpRequest request) {

    /** {@code POST /points/top-ups/webhook}. */
    public static TopUpWebhook from(HttpRequest request) {
        return new TopUpWebhook(request.header(WebhookSignature.HEADER).orElse(null), request);
    }

    String body() {
        return request.body();
    }
}

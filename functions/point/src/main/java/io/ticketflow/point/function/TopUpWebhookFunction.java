package io.ticketflow.point.function;

import io.ticketflow.kernel.http.JsonBodies;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.point.domain.AccountBusy;
import io.ticketflow.point.domain.ProviderEvent;
import io.ticketflow.point.domain.TopUps;
import io.ticketflow.point.domain.WebhookSignature;
import java.time.Clock;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment provider's webhook: checks the signature before reading anything, then credits a paid checkout. A
 * redelivery (same event id) or another event about the same checkout credits nothing more and answers 200, so the
 * provider stops delivering it.
 */
public final class TopUpWebhookFunction implements Function<TopUpWebhook, WebhookAnswer> {

    private final TopUps topUps;
    private final WebhookSignature signature;
    private final JsonMapper json;
    private final Clock clock;

    public TopUpWebhookFunction(TopUps topUps, WebhookSignature signature, JsonMapper json, Clock clock) {
        this.topUps = topUps;
        this.signature = signature;
        this.json = json;
        this.clock = clock;
    }

    /** The provider's event as it sends it: {@code {"id", "type", "data": {"checkoutId", ...}}}. */
    record Event(String id, String type, Data data) {
    }

    record Data(String checkoutId, String clientReference, Long amount, String currency) {
    }

    @Override
    public WebhookAnswer apply(TopUpWebhook delivery) {
        signature.verify(delivery.signature(), delivery.body(), clock.instant());
        Event event = JsonBodies.read(delivery.request(), Event.class, json);
        if (event.id() == null || event.type() == null || event.data() == null) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "the event needs an id, a type and data");
        }
        Data data = event.data();
        try {
            return new WebhookAnswer(event.id(), topUps.complete(new ProviderEvent(event.id(), event.type(),
                    data.checkoutId(), data.clientReference(), data.amount(), data.currency()))
                    .map(credit -> WebhookAnswer.CREDITED).orElse(WebhookAnswer.IGNORED));
        } catch (AccountBusy busy) {
            throw new ProblemException(ProblemTypes.CONFLICT, "the account is busy; deliver the event again");
        }
    }
}

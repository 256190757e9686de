package io.ticketflow.payment;

import io.ticketflow.kernel.provider.ProviderUnavailable;
import io.ticketflow.payment.domain.CardProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A card provider in memory that remembers every call (as {@code "<operation> <idempotencyKey>"}): {@code tok_decline}
 * is refused, {@code tok_timeout} authorises without answering, {@code tok_refund_fails} cannot be refunded, any other
 * token is approved. Repeated calls under one key find what the first did, as a provider's idempotency does.
 */
public final class RecordingCardProvider implements CardProvider {

    public final List<String> calls = new ArrayList<>();
    private final Map<String, String> methodByAuthorisation = new ConcurrentHashMap<>();

    @Override
    public synchronized String authorise(String idempotencyKey, String paymentMethod, long amount, String reservationId) {
        calls.add("authorise " + idempotencyKey + " " + amount);
        if (paymentMethod.equals("tok_decline")) {
            throw new CardDeclined("card declined");
        }
        methodByAuthorisation.put(idempotencyKey, paymentMethod);
        if (paymentMethod.equals("tok_timeout")) {
            throw new ProviderUnavailable("no answer in time", null);
        }
        return "auth-" + idempotencyKey;
    }

    @Override
    public synchronized String capture(String idempotencyKey, String authorisationKey) {
        calls.add("capture " + idempotencyKey);
        return "capture-" + idempotencyKey;
    }

    @Override
    public synchronized Optional<String> voidAuthorisation(String idempotencyKey, String authorisationKey) {
        calls.add("void " + idempotencyKey);
        return methodByAuthorisation.containsKey(authorisationKey) ? Optional.of("void-" + idempotencyKey)
                : Optional.empty();
    }

    @Override
    public synchronized String refund(String idempotencyKey, String authorisationKey) {
        calls.add("refund " + idempotencyKey);
        if ("tok_refund_fails".equals(methodByAuthorisation.get(authorisationKey))) {
            throw new ProviderUnavailable("the refund failed", null);
        }
        return "refund-" + idempotencyKey;
    }
}

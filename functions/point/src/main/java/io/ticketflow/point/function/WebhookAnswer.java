package io.ticketflow.point.function;

/**
 * What the provider is told: 200 for every delivery handled, so it stops delivering.
 *
 * @param outcome {@code CREDITED} when the checkout's points are on the account (by this delivery or an earlier
 *                one), {@code IGNORED} for an event that credits nothing
 */
public record WebhookAnswer(String eventId, String outcome) {

    static final String CREDITED = "CREDITED";
    static final String IGNORED = "IGNORED";
}

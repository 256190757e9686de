package io.ticketflow.point.domain;

/**
 * One event of the payment provider, as its verified webhook delivered it. Boxed and nullable: what is missing is
 * refused by {@link TopUps#complete}, not by a parser.
 *
 * @param eventId         the provider's id of the event: a redelivery carries the same one
 * @param clientReference what the checkout was opened with: the user id
 */
public record ProviderEvent(String eventId, String type, String checkoutId, String clientReference, Long amount,
                            String currency) {

    /** The one event that credits points: the user paid the checkout. */
    public static final String CHECKOUT_COMPLETED = "checkout.completed";
}

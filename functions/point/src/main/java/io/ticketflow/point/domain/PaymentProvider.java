package io.ticketflow.point.domain;

/**
 * The payment provider that takes the user's money for a top-up (a card processor: Stripe, Adyen, ... or, locally,
 * the runtime's simulated provider). Opening a checkout takes no money and credits nothing: only the provider's
 * signed webhook saying the checkout was paid does ({@link TopUps#complete}).
 */
public interface PaymentProvider {

    /**
     * Opens a checkout at the provider for {@code amount} minor units of {@code currency}.
     *
     * @param clientReference what the provider echoes in its events, to tell whose checkout was paid (the user id)
     * @throws ProviderUnavailable when the provider cannot be reached or refuses the request
     */
    Checkout openCheckout(String clientReference, long amount, String currency);

    /**
     * A checkout the provider opened.
     *
     * @param checkoutId the provider's id for it, also in the events about it
     * @param paymentUrl where the user pays (the provider's card page)
     */
    record Checkout(String checkoutId, String paymentUrl) {
    }

    /** The provider did not open the checkout; nothing was written. */
    final class ProviderUnavailable extends RuntimeException {

        public ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package io.ticketflow.payment.domain;

import java.util.Optional;

/** Where the Payment service keeps intents, payments and the requests of {@code POST /payments}. */
public interface PaymentRepository {

    /**
     * Stores the intent, replacing an earlier one of the reservation with another task token (a retried wait brings a
     * new one); an intent with the same task token is kept as it is.
     *
     * @return the stored intent: the given one, or the one this wait stored before (a repeated delivery)
     */
    PaymentIntent saveIntent(PaymentIntent intent);

    Optional<PaymentIntent> findIntent(String reservationId);

    Optional<Payment> findPayment(String paymentId);

    /**
     * Stores an authorised payment with its PAYMENT_AUTHORISED event, in one transaction.
     *
     * @return the stored payment: the given one, or the one already stored under its id (nothing written twice)
     */
    Payment insertAuthorised(Payment authorised);

    /**
     * Stores the payment's next version (captured, cancelled or refunded) with its event, in one transaction, if the
     * stored one is still the version before it.
     *
     * @return false when another writer changed it first (nothing written)
     */
    boolean saveChange(Payment next);

    /** @param requestKey {@link PaymentRequest#requestKey()} */
    Optional<PaymentRequest> findRequest(String requestKey);

    /**
     * Records a request unless its key was used before.
     *
     * @return empty when this request is the first of its key, else the first request of the key
     */
    Optional<PaymentRequest> recordFirst(PaymentRequest request);

    /** Keeps how the booking of a recorded request ended, on that request, so that repeats answer from it. */
    void recordOutcome(PaymentRequest settled);

    /**
     * Removes a recorded request again, if it is still this one: used when resuming the saga failed, so that a retry
     * of the request resumes it instead of only following a saga that was never resumed.
     */
    void forgetRequest(PaymentRequest request);
}

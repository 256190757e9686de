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
     * Stores a processed payment with its PAYMENT_PROCESSED event, in one transaction.
     *
     * @return the stored payment: the given one, or the one already stored under its id (nothing written twice)
     */
    Payment insertProcessed(Payment processed);

    /**
     * Stores the cancellation with its PAYMENT_CANCELLED event, in one transaction, if the payment is still
     * PROCESSED.
     *
     * @return false when it was cancelled already (nothing written)
     */
    boolean saveCancelled(Payment cancelled);

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

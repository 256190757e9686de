package io.ticketflow.kernel.saga;

/** The payment cannot be processed; the saga releases the seats and puts the queue token back. */
public final class PaymentDeclined extends SagaStepError {

    public PaymentDeclined(String message) {
        super(message);
    }
}

package io.ticketflow.kernel.saga;

/** The balance does not cover the deduction; the saga cancels the payment and releases the seats. */
public final class InsufficientPoints extends SagaStepError {

    public InsufficientPoints(String message) {
        super(message);
    }
}

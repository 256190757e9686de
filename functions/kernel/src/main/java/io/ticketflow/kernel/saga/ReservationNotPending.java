package io.ticketflow.kernel.saga;

/** The reservation left {@code PENDING} (e.g. it expired) before it could be confirmed. */
public final class ReservationNotPending extends SagaStepError {

    public ReservationNotPending(String message) {
        super(message);
    }
}

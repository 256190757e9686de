package io.ticketflow.payment.domain;

import java.util.List;
import java.util.Optional;

/** The booking saga, as Payment drives and reads it; execution name = reservation id. */
public interface BookingSaga {

    /**
     * Resumes the saga waiting for the payment with this task token.
     *
     * @return false when the token is closed already (resumed before, or the wait timed out)
     */
    boolean resume(String taskToken, ResumeSignal signal);

    /** @return empty when no booking saga runs or ran for this reservation */
    Optional<BookingOutcome> outcome(String reservationId);

    /** The execution's history, oldest first; empty when there is no such execution. */
    List<ExecutionEvent> history(String reservationId);

    /**
     * The cancellation of a confirmed booking runs as its own execution (of the cancellation saga, also named by
     * the reservation id): RUNNING, CANCELLED when it went through, FAILED.
     *
     * @return empty when the booking was never cancelled
     */
    Optional<BookingOutcome> cancellation(String reservationId);

    /** The cancellation's history, oldest first; empty when there is none. */
    List<ExecutionEvent> cancellationHistory(String reservationId);

    /**
     * What {@code POST /payments} hands the waiting saga: its result of the AwaitPayment state. {@code faultAt} is
     * written even when null, because the state machine passes {@code $.payment.faultAt} on to every later step
     * and a missing field would fail its path.
     */
    record ResumeSignal(String paymentRequestId, String idempotencyKey, String faultAt, long pointsToUse,
                        long cardAmount, String paymentMethod) {

        public ResumeSignal(String paymentRequestId, String idempotencyKey, String faultAt, PaymentSplit split) {
            this(paymentRequestId, idempotencyKey, faultAt, split.pointsToUse(), split.cardAmount(),
                    split.paymentMethod());
        }
    }
}

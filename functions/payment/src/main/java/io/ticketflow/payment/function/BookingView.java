package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketflow.kernel.problem.ProblemType;
import io.ticketflow.payment.domain.BookingStatus;
import io.ticketflow.payment.domain.BookingStep;
import io.ticketflow.payment.domain.CancellationRefusals;
import java.util.List;

/**
 * A booking's progress: the saga's status, its failure name when it failed (e.g. {@code InsufficientPoints}),
 * and the steps so far, oldest first. A confirmed booking that was cancelled also shows its cancellation, and is
 * CANCELLED once that went through.
 *
 * @param cancellation null unless the booking was cancelled
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingView(String reservationId, BookingStatus status, String error, List<BookingStep> steps,
                          Cancellation cancellation) {

    /**
     * The cancellation saga's progress: RUNNING, CANCELLED or FAILED (with its failure name), and its steps. A
     * cancellation refused for the account's state also names its problem type and title, as a synchronous refusal
     * would: the request was accepted (202) before the saga found the reason.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cancellation(BookingStatus status, String error, String type, String title, List<BookingStep> steps) {

        public static Cancellation of(BookingStatus status, String error, List<BookingStep> steps) {
            ProblemType refusal = CancellationRefusals.problemOf(error);
            return refusal == null ? new Cancellation(status, error, null, null, steps)
                    : new Cancellation(status, error, refusal.uri().toString(), refusal.title(), steps);
        }
    }
}

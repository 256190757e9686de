package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketflow.payment.domain.BookingStatus;
import io.ticketflow.payment.domain.BookingStep;
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

    /** The cancellation saga's progress: RUNNING, CANCELLED or FAILED (with its failure name), and its steps. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cancellation(BookingStatus status, String error, List<BookingStep> steps) {
    }
}

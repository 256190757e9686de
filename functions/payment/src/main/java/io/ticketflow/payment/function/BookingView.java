package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketflow.payment.domain.BookingStatus;
import io.ticketflow.payment.domain.BookingStep;
import java.util.List;

/**
 * A booking's progress: the saga's status, its failure name when it failed (e.g. {@code InsufficientPoints}),
 * and the steps so far, oldest first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingView(String reservationId, BookingStatus status, String error, List<BookingStep> steps) {
}

package io.ticketflow.payment.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.payment.domain.BookingOutcome;
import io.ticketflow.payment.domain.BookingSaga;
import io.ticketflow.payment.domain.BookingStatus;
import io.ticketflow.payment.domain.BookingStep;
import io.ticketflow.payment.domain.BookingTimeline;
import io.ticketflow.payment.domain.PaymentProblems;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Follows a booking through its saga, read from the execution itself (status + history): the one place that knows
 * every step, so no service has to keep a copy of the saga's progress.
 */
public final class BookingStatusFunction implements Function<BookingQuery, BookingView> {

    private final BookingSaga saga;

    public BookingStatusFunction(BookingSaga saga) {
        this.saga = saga;
    }

    @Override
    public BookingView apply(BookingQuery query) {
        BookingOutcome outcome = saga.outcome(query.reservationId())
                .filter(o -> o.ownedBy(query.userId()))
                .orElseThrow(() -> new ProblemException(PaymentProblems.BOOKING_NOT_FOUND,
                        "no booking of yours for reservation '" + query.reservationId() + "'"));
        List<BookingStep> steps = BookingTimeline.steps(saga.history(query.reservationId()));
        // only a confirmed booking can be cancelled: a running one costs its pollers no extra read
        Optional<BookingOutcome> cancellation = outcome.status() == BookingStatus.CONFIRMED
                ? saga.cancellation(query.reservationId()) : Optional.empty();
        if (cancellation.isEmpty()) {
            return new BookingView(outcome.reservationId(), outcome.status(), outcome.error(), steps, null);
        }
        BookingOutcome cancelled = cancellation.get();
        return new BookingView(outcome.reservationId(),
                cancelled.status() == BookingStatus.CANCELLED ? BookingStatus.CANCELLED : outcome.status(), null, steps,
                BookingView.Cancellation.of(cancelled.status(), cancelled.error(),
                        BookingTimeline.steps(saga.cancellationHistory(query.reservationId()))));
    }
}

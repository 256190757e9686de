package io.ticketflow.reservation.function;

import io.ticketflow.reservation.domain.StuckBooking;
import io.ticketflow.reservation.domain.StuckBookings;
import java.util.function.Function;

/** Saga step after a compensation failed for good: the booking goes to the operators' queue, never silently lost. */
public final class ReportStuckBookingFunction implements Function<StuckBooking, StuckBookingReported> {

    private static final System.Logger LOG = System.getLogger(ReportStuckBookingFunction.class.getName());

    private final StuckBookings stuckBookings;

    public ReportStuckBookingFunction(StuckBookings stuckBookings) {
        this.stuckBookings = stuckBookings;
    }

    @Override
    public StuckBookingReported apply(StuckBooking booking) {
        String messageId = stuckBookings.report(booking);
        LOG.log(System.Logger.Level.ERROR, "booking " + booking.reservationId() + " is stuck (" + booking.executionArn()
                + "); reported as message " + messageId);
        return new StuckBookingReported(booking.reservationId(), messageId);
    }
}

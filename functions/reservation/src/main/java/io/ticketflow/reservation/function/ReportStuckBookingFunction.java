package io.ticketflow.reservation.function;

import io.ticketflow.reservation.domain.ReservationRepository;
import io.ticketflow.reservation.domain.StuckBooking;
import io.ticketflow.reservation.domain.StuckBookings;
import java.util.function.Function;

/**
 * Saga step after a compensation failed for good: the booking goes to the operators' queue, never silently lost, and
 * once per saga execution — a repeated delivery answers with the first report's id instead of sending another. The
 * report goes out before it is remembered, so a crash in between reports twice rather than not at all.
 */
public final class ReportStuckBookingFunction implements Function<StuckBooking, StuckBookingReported> {

    private static final System.Logger LOG = System.getLogger(ReportStuckBookingFunction.class.getName());

    private final StuckBookings stuckBookings;
    private final ReservationRepository reservations;

    public ReportStuckBookingFunction(StuckBookings stuckBookings, ReservationRepository reservations) {
        this.stuckBookings = stuckBookings;
        this.reservations = reservations;
    }

    @Override
    public StuckBookingReported apply(StuckBooking booking) {
        String messageId = reservations.stuckReport(booking.reservationId(), booking.executionArn())
                .orElseGet(() -> report(booking));
        return new StuckBookingReported(booking.reservationId(), messageId);
    }

    private String report(StuckBooking booking) {
        String messageId = stuckBookings.report(booking);
        LOG.log(System.Logger.Level.ERROR, "booking " + booking.reservationId() + " is stuck (" + booking.executionArn()
                + "); reported as message " + messageId);
        reservations.rememberStuckReport(booking.reservationId(), booking.executionArn(), messageId);
        return messageId;
    }
}

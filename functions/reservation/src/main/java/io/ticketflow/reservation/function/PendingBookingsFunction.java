package io.ticketflow.reservation.function;

import io.ticketflow.reservation.domain.ReservationRepository;
import java.util.function.Function;

/**
 * Lists the PENDING reservations, ended holds included, so the local runtime can start again the sagas its
 * in-memory Step Functions emulator lost in a restart. Not a catalogue function: nothing on AWS needs it.
 */
public final class PendingBookingsFunction implements Function<PendingBookingsQuery, PendingBookings> {

    static final int LIMIT = 1000;

    private final ReservationRepository reservations;

    public PendingBookingsFunction(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    @Override
    public PendingBookings apply(PendingBookingsQuery query) {
        return new PendingBookings(reservations.pending(LIMIT).stream().map(PendingBookings.Booking::of).toList());
    }
}

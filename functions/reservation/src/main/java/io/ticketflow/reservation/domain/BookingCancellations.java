package io.ticketflow.reservation.domain;

/**
 * Starts the cancellation saga of a confirmed booking (refund points, cancel the payment, release the seats). The
 * execution is named by the reservation id, so a repeated start of the same cancellation is a no-op.
 */
public interface BookingCancellations {

    void start(Reservation confirmed);

    /** Whether the cancellation of this booking was started already (a repeated request). */
    boolean started(String reservationId);
}

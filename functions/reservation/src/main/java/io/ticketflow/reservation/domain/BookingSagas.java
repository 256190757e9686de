package io.ticketflow.reservation.domain;

/**
 * Starts the booking saga of a new hold (Step Functions on AWS, the local runtime's emulator locally). The
 * execution is named by the reservation id, so a repeated start of the same booking is a no-op.
 */
public interface BookingSagas {

    void start(Reservation pending);
}

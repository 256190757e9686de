package io.ticketflow.reservation.function;

/**
 * The answer to a cancellation request: the saga runs; the booking's progress is at {@code location}.
 *
 * @param status always CANCELLING: the reservation becomes CANCELLED when the saga releases the seats
 */
public record BookingCancellationAccepted(String reservationId, String status, String location) {

    public static BookingCancellationAccepted of(String reservationId) {
        return new BookingCancellationAccepted(reservationId, "CANCELLING", "/bookings/" + reservationId);
    }
}

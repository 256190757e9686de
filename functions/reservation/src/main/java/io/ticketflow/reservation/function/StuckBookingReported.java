package io.ticketflow.reservation.function;

/** The stuck booking is on the operators' queue under {@code messageId}. */
public record StuckBookingReported(String reservationId, String messageId) {
}

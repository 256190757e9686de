package io.ticketflow.reservation.function;

/**
 * What a saga step reports back about the reservation.
 *
 * @param status the reservation's status after the step; null when no such reservation exists
 * @param changed false when the step found nothing to do (a retry, or nothing to undo)
 */
public record SagaReservation(String reservationId, String status, boolean changed) {
}

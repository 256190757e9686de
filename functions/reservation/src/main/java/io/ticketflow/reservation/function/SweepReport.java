package io.ticketflow.reservation.function;

/**
 * What one sweep did.
 *
 * @param expired reservations this sweep moved to EXPIRED (each with its one RESERVATION_EXPIRED)
 * @param skipped due reservations another writer changed first (a concurrent sweep, a cancel, a confirmation)
 */
public record SweepReport(int expired, int skipped) {
}

package io.ticketflow.concert.function;

/**
 * @param seatMaps  seat maps rebuilt
 * @param unchanged of those, how many equal the live projection
 * @param stored    whether they were written
 */
public record ReplayReport(int seatMaps, int unchanged, boolean stored) {
}

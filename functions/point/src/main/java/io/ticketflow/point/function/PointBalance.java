package io.ticketflow.point.function;

/** A user's balance; 0 for a user who never had points. */
public record PointBalance(String userId, long balance) {
}

package io.ticketflow.queue.function;

/** @param opened false when the queue was open already */
public record QueueOpened(String concertId, boolean opened) {
}

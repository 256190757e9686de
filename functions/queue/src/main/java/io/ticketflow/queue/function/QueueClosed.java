package io.ticketflow.queue.function;

/** @param closed false when the queue was closed already */
public record QueueClosed(String concertId, boolean closed) {
}

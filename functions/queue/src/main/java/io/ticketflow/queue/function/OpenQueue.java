package io.ticketflow.queue.function;

/** Opens a concert's waiting queue (the local seed and the tests do; no public route). */
public record OpenQueue(String concertId) {
}

package io.ticketflow.concert.function;

/** @param published false when the concert had been published already */
public record ConcertPublished(String concertId, boolean published) {
}

package io.ticketflow.concert.domain;

/** A concert as the listing shows it. */
public record ConcertSummary(String concertId, String title, String artist, String venue) {
}

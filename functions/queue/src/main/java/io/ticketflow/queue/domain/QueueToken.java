package io.ticketflow.queue.domain;

import io.ticketflow.kernel.admission.AdmissionPass;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's place in one concert's waiting queue.
 *
 * @param seq         place in the concert's queue, from 1; tokens are admitted in seq order
 * @param activeUntil when the admission ends; null unless the token was activated
 * @param version     number of state changes so far, from 1: each change emits one event whose sequence is
 *                    the new version, and is written only if the stored version is still the one it read
 */
public record QueueToken(String token, String userId, String concertId, long seq, TokenStatus status,
                         Instant activeUntil, long version) {

    public QueueToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(status, "status");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
        if (status == TokenStatus.ACTIVE && activeUntil == null) {
            throw new IllegalArgumentException("an active token needs activeUntil");
        }
    }

    public static QueueToken waiting(String token, String userId, String concertId, long seq) {
        return new QueueToken(token, userId, concertId, seq, TokenStatus.WAITING, null, 1);
    }

    /** Admits the token until {@code until}. */
    public QueueToken activate(Instant until) {
        requireStatus(TokenStatus.WAITING);
        return new QueueToken(token, userId, concertId, seq, TokenStatus.ACTIVE, Objects.requireNonNull(until), version + 1);
    }

    /** Removes the token from the queue; activeUntil is kept as a record of when the admission would have ended. */
    public QueueToken expire() {
        requireStatus(TokenStatus.ACTIVE);
        return new QueueToken(token, userId, concertId, seq, TokenStatus.EXPIRED, activeUntil, version + 1);
    }

    /**
     * Puts an admitted token back in line at its old place (the booking saga's compensation when a payment
     * fails): WAITING again, without an admission window.
     */
    public QueueToken restore() {
        requireStatus(TokenStatus.ACTIVE);
        return new QueueToken(token, userId, concertId, seq, TokenStatus.WAITING, null, version + 1);
    }

    /** True when the token is active but its window has ended: the expiry tick should remove it. */
    public boolean windowEndedAt(Instant now) {
        return status == TokenStatus.ACTIVE && activeUntil.isBefore(now);
    }

    /**
     * What the queue vouches for while this token is ACTIVE; nothing otherwise. The pass ends with the window, cut
     * to the whole second a JWT can say, so it never outlives the admission.
     */
    public Optional<AdmissionPass> admissionPass() {
        if (status != TokenStatus.ACTIVE) {
            return Optional.empty();
        }
        return Optional.of(new AdmissionPass(userId, concertId, token, version, activeUntil.truncatedTo(ChronoUnit.SECONDS)));
    }

    public boolean ownedBy(String candidateUserId) {
        return userId.equals(candidateUserId);
    }

    private void requireStatus(TokenStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("token " + token + " is " + status + ", expected " + expected);
        }
    }
}

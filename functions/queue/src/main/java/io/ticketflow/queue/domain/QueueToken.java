package io.ticketflow.queue.domain;

import io.ticketflow.kernel.admission.AdmissionPass;
import java.time.Duration;
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
 * @param lastSeenAt  when the user last entered or asked for the status, as far as it was recorded; null when
 *                    not tracked (such a token is never taken for abandoned)
 * @param abandonedAt when the activation passed over the WAITING token because its user had stopped polling; null
 *                    unless abandoned
 */
public record QueueToken(String token, String userId, String concertId, long seq, TokenStatus status,
                         Instant activeUntil, long version, Instant lastSeenAt, Instant abandonedAt) {

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
        if (abandonedAt != null && status != TokenStatus.WAITING) {
            throw new IllegalArgumentException("only a waiting token is abandoned");
        }
    }

    public QueueToken(String token, String userId, String concertId, long seq, TokenStatus status,
                      Instant activeUntil, long version) {
        this(token, userId, concertId, seq, status, activeUntil, version, null, null);
    }

    public static QueueToken waiting(String token, String userId, String concertId, long seq) {
        return new QueueToken(token, userId, concertId, seq, TokenStatus.WAITING, null, 1);
    }

    /** A new waiting token whose user was there at {@code now}. */
    public static QueueToken waiting(String token, String userId, String concertId, long seq, Instant now) {
        return new QueueToken(token, userId, concertId, seq, TokenStatus.WAITING, null, 1, now, null);
    }

    /**
     * Whether the activation should pass this token over: it waits, its user has not been seen since
     * {@code now - abandonAfter}, and it was not passed over already.
     */
    public boolean stoppedPollingBy(Instant now, Duration abandonAfter) {
        return status == TokenStatus.WAITING && abandonedAt == null && lastSeenAt != null
                && lastSeenAt.plus(abandonAfter).isBefore(now);
    }

    /** Passed over by the activation: still WAITING, its place kept for the grace period. */
    public QueueToken abandon(Instant now) {
        requireStatus(TokenStatus.WAITING);
        return new QueueToken(token, userId, concertId, seq, status, null, version + 1, lastSeenAt, Objects.requireNonNull(now));
    }

    /** Whether the user came back in time to have the abandoned token put back in line. */
    public boolean withinGrace(Instant now, Duration grace) {
        return abandonedAt != null && !abandonedAt.plus(grace).isBefore(now);
    }

    /** The user came back within the grace period: back in line (the activation re-admits it first), seen now. */
    public QueueToken comeBack(Instant now) {
        if (abandonedAt == null) {
            throw new IllegalStateException("token " + token + " was not abandoned");
        }
        return new QueueToken(token, userId, concertId, seq, status, null, version + 1, now, null);
    }

    /** The grace period ended before the user came back: the token leaves the queue. */
    public QueueToken expireAbandoned() {
        if (abandonedAt == null) {
            throw new IllegalStateException("token " + token + " was not abandoned");
        }
        return new QueueToken(token, userId, concertId, seq, TokenStatus.EXPIRED, null, version + 1, lastSeenAt, null);
    }

    /** Seen at {@code now}: a change of no version, since no event records a poll. */
    public QueueToken seen(Instant now) {
        return new QueueToken(token, userId, concertId, seq, status, activeUntil, version, now, abandonedAt);
    }

    /** Admits the token until {@code until}. */
    public QueueToken activate(Instant until) {
        requireStatus(TokenStatus.WAITING);
        if (abandonedAt != null) {
            throw new IllegalStateException("token " + token + " was abandoned; it comes back before it is admitted");
        }
        return new QueueToken(token, userId, concertId, seq, TokenStatus.ACTIVE, Objects.requireNonNull(until), version + 1,
                lastSeenAt, null);
    }

    /** Removes the token from the queue; activeUntil is kept as a record of when the admission would have ended. */
    public QueueToken expire() {
        requireStatus(TokenStatus.ACTIVE);
        return new QueueToken(token, userId, concertId, seq, TokenStatus.EXPIRED, activeUntil, version + 1, lastSeenAt, null);
    }

    /**
     * Puts an admitted token back in line at its old place (the booking saga's compensation when a payment
     * fails): WAITING again, without an admission window.
     */
    public QueueToken restore() {
        requireStatus(TokenStatus.ACTIVE);
        return new QueueToken(token, userId, concertId, seq, TokenStatus.WAITING, null, version + 1, lastSeenAt, null);
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

package io.ticketflow.kernel.admission;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Queue service vouches for when a token is ACTIVE: this user may reserve and pay for this concert until
 * {@code expiresAt}. Signed by the queue, checked by Reservation and Payment without asking anyone.
 *
 * @param queueToken the admitted queue token; the booking saga expires or restores it
 * @param activation the token's version when it was activated: a revocation of that token (QUEUE_EXPIRED,
 *                   QUEUE_RESTORED) carries a higher version, a later re-activation a higher one still
 * @param expiresAt  end of the admission window, in whole seconds, never after the queue's own window
 */
public record AdmissionPass(String userId, String concertId, String queueToken, long activation, Instant expiresAt) {

    public AdmissionPass {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(concertId, "concertId");
        Objects.requireNonNull(queueToken, "queueToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (activation < 1) {
            throw new IllegalArgumentException("activation is a token version, from 1; was " + activation);
        }
    }

    /**
     * Why this pass does not admit {@code callerId} to {@code concertId} at {@code now}, if it does not. Owner and
     * concert come first, so a stranger holding someone's pass learns nothing about its state.
     */
    public Optional<PassRefusal> refusalFor(String callerId, String callerConcertId, Instant now) {
        if (!userId.equals(callerId)) {
            return Optional.of(PassRefusal.OTHER_USER);
        }
        if (!concertId.equals(callerConcertId)) {
            return Optional.of(PassRefusal.OTHER_CONCERT);
        }
        return now.isBefore(expiresAt) ? Optional.empty() : Optional.of(PassRefusal.EXPIRED);
    }
}

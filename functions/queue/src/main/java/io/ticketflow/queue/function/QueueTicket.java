package io.ticketflow.queue.function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketflow.kernel.admission.AdmissionPassSigner;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.TokenStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Where a token stands, as the client sees it.
 *
 * @param position    places still to be admitted before and including this token; 0 once active or expired; absent
 *                    while the token waits in the pre-queue (its place is drawn at the opening)
 * @param place       the token's own number in admission order, which changes only when it is put back in line: with
 *                    the shared {@code nowServing} it gives the position without asking again; absent in the
 *                    pre-queue and once the token no longer waits
 * @param etaSeconds  estimated wait until activation: the places ahead divided by the activation rate the ticks
 *                    measured; 0 once active or expired, and in the pre-queue
 * @param opensAt     when the queue opens, while the token waits in the pre-queue
 * @param opensInSeconds the countdown to {@code opensAt}, while the token waits in the pre-queue
 * @param pollAfterSeconds when to ask for this status again (also the {@code Retry-After} header); absent once the
 *                    token no longer waits
 * @param activeUntil end of the admission window; absent while waiting
 * @param admissionPass the signed pass to send as {@code X-Admission-Pass} to Reservation and Payment; present
 *                      exactly while the token is ACTIVE
 * @param pollAfterSeconds while waiting, the seconds a client should wait before asking again; absent otherwise
 * @param created     whether this request created the token (201) rather than found it (200); not in the body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueTicket(String token, String concertId, TokenStatus status, Long position, Long place, long etaSeconds,
                          Instant opensAt, Long opensInSeconds, Long pollAfterSeconds, Instant activeUntil,
                          String admissionPass, @JsonIgnore boolean created) {

    static QueueTicket of(QueueToken token, QueueCounter counter, QueuePolicy policy, Passes passes, boolean created) {
        Instant now = passes.clock().instant();
        OptionalLong known = counter.knownPositionOf(token);
        boolean waiting = token.status() == TokenStatus.WAITING;
        if (known.isEmpty()) {
            long opensIn = counter.opensInSeconds(now);
            return new QueueTicket(token.token(), token.concertId(), token.status(), null, null, 0, counter.opensAt(),
                    opensIn, policy.pollAfterSeconds(opensIn), null, null, created);
        }
        long position = known.getAsLong();
        long eta = policy.etaSeconds(position, counter.rate());
        boolean inLine = waiting && !counter.restored().contains(token.token());
        return new QueueTicket(token.token(), token.concertId(), token.status(), position,
                inLine ? counter.placeOf(token.seq()) : null, eta, null, null,
                waiting ? policy.pollAfterSeconds(eta) : null, token.activeUntil(), passes.passFor(token), created);
    }

    /** Signs the pass of an ACTIVE token each time it is asked for: no pass is stored, none has to be revoked. */
    public record Passes(AdmissionPassSigner signer, Clock clock) {

        String passFor(QueueToken token) {
            return token.admissionPass().map(pass -> signer.sign(pass, clock.instant())).orElse(null);
        }
    }
}

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

/**
 * Where a token stands, as the client sees it.
 *
 * @param position    places still to be admitted before and including this token; 0 once active or expired
 * @param etaSeconds  estimated wait until activation at the current pace; 0 once active or expired
 * @param activeUntil end of the admission window; absent while waiting
 * @param admissionPass the signed pass to send as {@code X-Admission-Pass} to Reservation and Payment; present
 *                      exactly while the token is ACTIVE
 * @param pollAfterSeconds while waiting, the seconds a client should wait before asking again; absent otherwise
 * @param created     whether this request created the token (201) rather than found it (200); not in the body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueTicket(String token, String concertId, TokenStatus status, long position, long etaSeconds,
                          Instant activeUntil, String admissionPass, Long pollAfterSeconds, @JsonIgnore boolean created) {

    static QueueTicket of(QueueToken token, QueueCounter counter, QueuePolicy policy, Passes passes, boolean created) {
        long position = counter.positionOf(token);
        return new QueueTicket(token.token(), token.concertId(), token.status(), position, policy.etaSeconds(position),
                token.activeUntil(), passes.passFor(token),
                token.status() == TokenStatus.WAITING ? policy.pollAfterSeconds(position) : null, created);
    }

    /** Signs the pass of an ACTIVE token each time it is asked for: no pass is stored, none has to be revoked. */
    public record Passes(AdmissionPassSigner signer, Clock clock) {

        String passFor(QueueToken token) {
            return token.admissionPass().map(pass -> signer.sign(pass, clock.instant())).orElse(null);
        }
    }
}

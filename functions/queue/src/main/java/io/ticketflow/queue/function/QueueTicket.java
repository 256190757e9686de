package io.ticketflow.queue.function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.TokenStatus;
import java.time.Instant;

/**
 * Where a token stands, as the client sees it.
 *
 * @param position    places still to be admitted before and including this token; 0 once active or expired
 * @param etaSeconds  estimated wait until activation at the current pace; 0 once active or expired
 * @param activeUntil end of the admission window; absent while waiting
 * @param created     whether this request created the token (201) rather than found it (200); not in the body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueTicket(String token, String concertId, TokenStatus status, long position, long etaSeconds,
                          Instant activeUntil, @JsonIgnore boolean created) {

    static QueueTicket of(QueueToken token, QueueCounter counter, QueuePolicy policy, boolean created) {
        long position = counter.positionOf(token);
        return new QueueTicket(token.token(), token.concertId(), token.status(), position, policy.etaSeconds(position),
                token.activeUntil(), created);
    }
}

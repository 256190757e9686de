package io.ticketflow.queue.function;

import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.TokenStatus;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The idempotent shape of the saga's queue-token steps: change a token only while it is ACTIVE, leave an
 * unknown or no-longer-ACTIVE token as it is (nothing to undo), and re-read after a lost conditional write.
 */
final class ActiveTokenChange {

    private static final int ATTEMPTS = 3;

    private ActiveTokenChange() {
    }

    /**
     * @param write the conditional write of the change; false when the token changed since it was read
     * @param after the token's status once the write succeeded
     */
    static QueueTokenChange apply(QueueRepository queues, String tokenId, Predicate<QueueToken> write, TokenStatus after) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<QueueToken> found = queues.findToken(tokenId);
            if (found.isEmpty()) {
                return new QueueTokenChange(tokenId, null, false);
            }
            QueueToken token = found.get();
            if (token.status() != TokenStatus.ACTIVE) {
                return new QueueTokenChange(token.token(), token.status(), false);
            }
            if (write.test(token)) {
                return new QueueTokenChange(token.token(), after, true);
            }
        }
        throw new TransientStepError("token " + tokenId + " kept changing; try again");
    }
}

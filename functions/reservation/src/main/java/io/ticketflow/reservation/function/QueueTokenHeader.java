package io.ticketflow.reservation.function;

import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.reservation.domain.ReservationProblems;

/** Every reservation call carries the caller's queue token in this header. */
final class QueueTokenHeader {

    static final String NAME = "X-Queue-Token";

    private QueueTokenHeader() {
    }

    /** @throws ProblemException {@code queue-token-missing} when the header is absent or blank */
    static String require(HttpRequest request) {
        return request.header(NAME).filter(token -> !token.isBlank())
                .orElseThrow(() -> new ProblemException(ReservationProblems.QUEUE_TOKEN_MISSING,
                        "the " + NAME + " header with an ACTIVE queue token is required"));
    }
}

package io.ticketflow.queue.domain;

import java.time.Instant;

/** Tokens in the states the tests need. */
final class QueueTokenMother {

    static final String CONCERT = "concert-1";

    private QueueTokenMother() {
    }

    static QueueToken waitingAt(long seq) {
        return QueueToken.waiting("qt-" + seq, "user-" + seq, CONCERT, seq);
    }

    static QueueToken activeUntil(long seq, Instant until) {
        return waitingAt(seq).activate(until);
    }
}

package io.ticketflow.queue.function;

import io.ticketflow.queue.domain.ExpiryReason;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The scheduled expiry: active tokens whose window ended leave the queue ({@code QUEUE_EXPIRED}, reason
 * {@code IDLE_TIMEOUT}) and free their active place for the next activation. Admission never waits for this:
 * the other services compare {@code activeUntil} with their clock themselves.
 */
public final class ExpireQueueTokensFunction implements Function<QueueTick, ExpiryReport> {

    /** Tokens read per query; a tick keeps reading while pages come back full, up to {@link #MAX_PAGES}. */
    static final int PAGE_SIZE = 200;
    static final int MAX_PAGES = 10;

    private final QueueRepository queues;
    private final Clock clock;

    public ExpireQueueTokensFunction(QueueRepository queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    @Override
    public ExpiryReport apply(QueueTick tick) {
        Instant now = clock.instant();
        List<String> concerts = tick == null || tick.concertId() == null ? queues.openQueues() : List.of(tick.concertId());
        List<ExpiryReport.QueueExpiry> report = new ArrayList<>();
        for (String concertId : concerts) {
            report.add(new ExpiryReport.QueueExpiry(concertId, expire(concertId, now)));
        }
        return new ExpiryReport(report);
    }

    private int expire(String concertId, Instant now) {
        int expired = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<QueueToken> candidates = queues.activeTokensEndedBefore(concertId, now, PAGE_SIZE);
            List<QueueToken> ended = candidates.stream()
                    .filter(token -> token.windowEndedAt(now))
                    .map(QueueToken::expire)
                    .toList();
            int done = queues.expire(ended, ExpiryReason.IDLE_TIMEOUT, now).size();
            expired += done;
            // a short page means nothing is left; a page that expired nothing would only be read again
            if (candidates.size() < PAGE_SIZE || done == 0) {
                break;
            }
        }
        return expired;
    }
}

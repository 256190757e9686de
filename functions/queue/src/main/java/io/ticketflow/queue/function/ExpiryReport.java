package io.ticketflow.queue.function;

import java.util.List;

/** What one expiry tick did, per queue. */
public record ExpiryReport(List<QueueExpiry> queues) {

    public ExpiryReport {
        queues = List.copyOf(queues);
    }

    public record QueueExpiry(String concertId, int expired) {
    }

    public int expired() {
        return queues.stream().mapToInt(QueueExpiry::expired).sum();
    }
}

package io.ticketflow.queue.function;

import java.util.List;

/** What one activation tick did, per queue. */
public record ActivationReport(List<QueueActivation> queues) {

    public ActivationReport {
        queues = List.copyOf(queues);
    }

    /** @param watermark the counter's watermark after the tick */
    public record QueueActivation(String concertId, int activated, long watermark) {
    }

    public int activated() {
        return queues.stream().mapToInt(QueueActivation::activated).sum();
    }
}

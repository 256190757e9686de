package io.ticketflow.queue.domain;

import java.util.List;

/**
 * What a store made of an {@link ActivationPlan}: the plan's parts are applied in order until one went stale.
 *
 * @param watermark where the watermark stands after the applied parts
 */
public record ActivationOutcome(List<QueueToken> admitted, long watermark) {

    public ActivationOutcome {
        admitted = List.copyOf(admitted);
    }
}

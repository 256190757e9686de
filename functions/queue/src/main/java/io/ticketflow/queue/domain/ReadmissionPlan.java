package io.ticketflow.queue.domain;

import java.util.List;
import java.util.Objects;

/**
 * What one activation tick does first: re-admits restored tokens (put back to WAITING behind the watermark by
 * a failed payment) and forgets restored entries that no longer wait. The store applies the admissions only
 * if each token is still in the counter's restored set and still WAITING at the version read, and the active
 * count stays within {@code maxActive}, so a concurrent or retried tick cannot admit a token twice.
 */
public record ReadmissionPlan(String concertId, int maxActive, List<ActivationPlan.Activate> admissions,
                              List<String> dropped) {

    public ReadmissionPlan {
        Objects.requireNonNull(concertId, "concertId");
        admissions = List.copyOf(admissions);
        dropped = List.copyOf(dropped);
    }

    public boolean isEmpty() {
        return admissions.isEmpty() && dropped.isEmpty();
    }

    public List<QueueToken> activations() {
        return admissions.stream().map(ActivationPlan.Activate::activated).toList();
    }
}

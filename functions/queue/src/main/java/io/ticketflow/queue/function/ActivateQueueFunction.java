package io.ticketflow.queue.function;

import io.ticketflow.queue.domain.ActivationOutcome;
import io.ticketflow.queue.domain.QueueArrivals;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.ReadmissionPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scheduled activation: per open queue, first re-admits restored tokens (back to WAITING after a failed
 * payment), then admits the next batch after the watermark, all bounded by the batch and the free active places,
 * then brings the counter shards up to the watermark. Safe to run twice at once or to retry: a tick whose reads
 * went stale writes nothing.
 */
public final class ActivateQueueFunction implements Function<QueueTick, ActivationReport> {

    private final QueueRepository queues;
    private final QueuePolicy policy;
    private final Clock clock;

    public ActivateQueueFunction(QueueRepository queues, QueuePolicy policy, Clock clock) {
        this.queues = queues;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public ActivationReport apply(QueueTick tick) {
        List<String> concerts = tick == null || tick.concertId() == null ? queues.openQueues() : List.of(tick.concertId());
        List<ActivationReport.QueueActivation> report = new ArrayList<>();
        for (String concertId : concerts) {
            activate(concertId).ifPresent(report::add);
        }
        return new ActivationReport(report);
    }

    private Optional<ActivationReport.QueueActivation> activate(String concertId) {
        Optional<QueueArrivals> found = queues.findArrivals(concertId);
        if (found.isEmpty() || found.get().counter().closed()) {
            return Optional.empty();
        }
        QueueArrivals arrivals = found.get();
        int readmitted = 0;
        if (!arrivals.counter().restored().isEmpty()) {
            // restored tokens were admitted before: they go first, before the watermark moves
            QueueCounter counter = arrivals.counter();
            ReadmissionPlan readmissions = policy.readmissions(counter, queues.tokens(counter.restored()), clock.instant());
            readmitted = readmissions.isEmpty() ? 0 : queues.readmit(readmissions).size();
            Optional<QueueArrivals> after = queues.findArrivals(concertId);
            if (after.isEmpty()) {
                return Optional.of(new ActivationReport.QueueActivation(concertId, readmitted, counter.activated()));
            }
            arrivals = after.get();
        }
        long watermark = arrivals.counter().activated();
        int admitted = readmitted;
        int admissible = policy.admissibleNow(arrivals.counter(), readmitted);
        if (admissible > 0) {
            Map<Long, QueueToken> tokens = queues.tokensAt(concertId, watermark + 1, watermark + admissible);
            ActivationOutcome outcome = queues.apply(policy.plan(arrivals.counter(), tokens, clock.instant(), readmitted));
            admitted += outcome.admitted().size();
            watermark = outcome.watermark();
        }
        // also when the watermark stayed: a tick that died before levelling left the shards behind
        queues.level(concertId, arrivals.levelling(watermark));
        return Optional.of(new ActivationReport.QueueActivation(concertId, admitted, watermark));
    }
}

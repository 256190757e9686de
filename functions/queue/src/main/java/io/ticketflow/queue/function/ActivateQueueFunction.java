package io.ticketflow.queue.function;

import io.ticketflow.queue.domain.ActivationOutcome;
import io.ticketflow.queue.domain.ActivationPlan;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scheduled activation: per open queue, admits the next batch after the watermark, bounded by the free
 * active places. Safe to run twice at once or to retry: a tick whose reads went stale writes nothing.
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
        Optional<QueueCounter> found = queues.findCounter(concertId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        QueueCounter counter = found.get();
        int admissible = policy.admissibleNow(counter);
        if (admissible == 0) {
            return Optional.of(new ActivationReport.QueueActivation(concertId, 0, counter.activated()));
        }
        Map<Long, QueueToken> tokens = queues.tokensAt(concertId, counter.activated() + 1, counter.activated() + admissible);
        ActivationPlan plan = policy.plan(counter, tokens, clock.instant());
        ActivationOutcome outcome = queues.apply(plan);
        return Optional.of(new ActivationReport.QueueActivation(concertId, outcome.admitted().size(), outcome.watermark()));
    }
}

package io.ticketflow.queue.function;

import io.ticketflow.queue.domain.ActivationOutcome;
import io.ticketflow.queue.domain.QueueArrivals;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.ReadmissionPlan;
import io.ticketflow.queue.domain.LotteryDraw;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The scheduled activation: per open queue, at its opening draws the pre-queue's lottery, then first re-admits restored tokens (back to WAITING after a failed
 * payment), then admits the next batch after the watermark, all bounded by the batch and the free active places,
 * then brings the counter shards up to the watermark. Safe to run twice at once or to retry: a tick whose reads
 * went stale writes nothing.
 */
public final class ActivateQueueFunction implements Function<QueueTick, ActivationReport> {

    private final QueueRepository queues;
    private final QueuePolicy policy;
    private final Clock clock;
    private final LongSupplier seeds;

    public ActivateQueueFunction(QueueRepository queues, QueuePolicy policy, Clock clock) {
        this(queues, policy, clock, new SecureRandom()::nextLong);
    }

    /** @param seeds where lottery seeds come from: unpredictable, since a known seed would tell a script when to enter */
    public ActivateQueueFunction(QueueRepository queues, QueuePolicy policy, Clock clock, LongSupplier seeds) {
        this.queues = queues;
        this.policy = policy;
        this.clock = clock;
        this.seeds = seeds;
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
        Instant now = clock.instant();
        if (arrivals.counter().beforeOpening() && !arrivals.counter().lotteryDue(now)) {
            return Optional.of(new ActivationReport.QueueActivation(concertId, 0, arrivals.counter().activated()));
        }
        if (arrivals.counter().lotteryDue(now)) {
            // every seq issued so far arrived before this tick: the pre-queue, placed once in a seeded random order
            queues.drawLottery(concertId, new LotteryDraw(seeds.getAsLong(), arrivals.counter().issued(),
                    arrivals.counter().opensAt()));
            Optional<QueueArrivals> drawn = queues.findArrivals(concertId);
            if (drawn.isEmpty() || drawn.get().counter().beforeOpening()) {
                return Optional.empty();
            }
            arrivals = drawn.get();
        }
        int readmitted = 0;
        if (!arrivals.counter().restored().isEmpty()) {
            // restored tokens were admitted before: they go first, before the watermark moves
            QueueCounter counter = arrivals.counter();
            ReadmissionPlan readmissions = policy.readmissions(counter, queues.tokens(counter.restored()), now);
            readmitted = readmissions.isEmpty() ? 0 : queues.readmit(readmissions).size();
            Optional<QueueArrivals> after = queues.findArrivals(concertId);
            if (after.isEmpty()) {
                return Optional.of(new ActivationReport.QueueActivation(concertId, readmitted, counter.activated()));
            }
            arrivals = after.get();
        }
        long watermark = arrivals.counter().activated();
        int admitted = readmitted;
        int places = policy.placesToRead(arrivals.counter(), readmitted);
        if (places > 0) {
            Map<Long, QueueToken> tokens = queues.tokensAt(concertId, policy.seqsToRead(arrivals.counter(), places));
            ActivationOutcome outcome = queues.apply(policy.plan(arrivals.counter(), tokens, now, readmitted, places));
            admitted += outcome.admitted().size();
            watermark = outcome.watermark();
        }
        if (arrivals.counter().waiting() > 0 || !arrivals.counter().restored().isEmpty()) {
            // only while someone waits: an idle queue's rate says nothing about how fast it would move
            queues.recordRate(concertId, arrivals.counter().rate().after(admitted, now));
        }
        // also when the watermark stayed: a tick that died before levelling left the shards behind; a drawn
        // pre-queue's seqs count as passed, so no shard hands one out after the opening
        LotteryDraw lottery = arrivals.counter().lottery();
        queues.level(concertId, arrivals.levelling(watermark, lottery == null ? watermark : Math.max(watermark, lottery.size())));
        return Optional.of(new ActivationReport.QueueActivation(concertId, admitted, watermark));
    }
}

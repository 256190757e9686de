package io.ticketflow.queue.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one activation tick does to one queue: moves the watermark from {@code fromWatermark} over
 * consecutive seqs, admitting the waiting tokens among them. The store applies it only if the watermark
 * is still {@code fromWatermark} and the admissions keep the active count within {@code maxActive}, so a
 * concurrent or retried tick can never admit a seq twice. The watermark counts places: a seq, or within a drawn
 * pre-queue the seq the {@code lottery} put at that place.
 *
 * @param lottery the queue's drawn pre-queue order; null when it has none (places are seqs)
 */
public record ActivationPlan(String concertId, long fromWatermark, int maxActive, List<Step> steps, LotteryDraw lottery) {

    public ActivationPlan {
        Objects.requireNonNull(concertId, "concertId");
        steps = List.copyOf(steps);
        long place = fromWatermark + 1;
        for (Step step : steps) {
            long expected = lottery == null ? place : lottery.seqAt(place);
            if (step.seq() != expected) {
                throw new IllegalArgumentException("steps must cover consecutive places after " + fromWatermark
                        + ": place " + place + " holds seq " + expected + ", not " + step.seq());
            }
            place++;
        }
    }

    public ActivationPlan(String concertId, long fromWatermark, int maxActive, List<Step> steps) {
        this(concertId, fromWatermark, maxActive, steps, null);
    }

    /** One seq the watermark moves over. */
    public sealed interface Step {
        long seq();
    }

    /** A waiting token is admitted. */
    public record Activate(QueueToken waiting, QueueToken activated) implements Step {
        @Override
        public long seq() {
            return activated.seq();
        }
    }

    /**
     * The token's user stopped polling: the watermark passes it without spending an admission on it, and it keeps
     * its place for the grace period.
     */
    public record Abandon(QueueToken waiting, QueueToken abandoned) implements Step {
        @Override
        public long seq() {
            return abandoned.seq();
        }
    }

    /**
     * No token holds this seq: its enter lost a race or is still in flight. The seq is fenced off for good so
     * that a late enter cannot store a token behind the watermark, where it would wait forever; that enter
     * takes a new seq instead.
     */
    public record Burn(long seq) implements Step {
    }

    /** The token at this seq no longer waits; the watermark passes it without a change. */
    public record Pass(QueueToken token) implements Step {
        @Override
        public long seq() {
            return token.seq();
        }
    }

    public long toWatermark() {
        return fromWatermark + steps.size();
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public List<QueueToken> activations() {
        return steps.stream()
                .filter(Activate.class::isInstance)
                .map(step -> ((Activate) step).activated())
                .toList();
    }

    public List<QueueToken> abandonments() {
        return steps.stream()
                .filter(Abandon.class::isInstance)
                .map(step -> ((Abandon) step).abandoned())
                .toList();
    }

    /** Consecutive sub-plans of at most {@code maxSteps} seqs each, for stores that bound one atomic write. */
    public List<ActivationPlan> split(int maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1");
        }
        List<ActivationPlan> parts = new ArrayList<>();
        for (int start = 0; start < steps.size(); start += maxSteps) {
            parts.add(new ActivationPlan(concertId, fromWatermark + start, maxActive,
                    steps.subList(start, Math.min(steps.size(), start + maxSteps)), lottery));
        }
        return parts;
    }
}

package io.ticketflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics of a sample; nearest-rank percentiles, so every figure printed is one that was measured. */
public record Stats(List<Double> sorted) {

    public Stats {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> copy = new ArrayList<>(sorted);
        Collections.sort(copy);
        sorted = List.copyOf(copy);
    }

    public static Stats of(List<? extends Number> samples) {
        return new Stats(samples.stream().map(Number::doubleValue).toList());
    }

    /** The nearest-rank percentile: the smallest sample with at least {@code p} percent of samples at or below it. */
    public double percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** The middle sample, or the mean of the two middle ones. */
    public double median() {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return sorted.get(0);
    }

    public double max() {
        return sorted.get(sorted.size() - 1);
    }

    public int count() {
        return sorted.size();
    }
}

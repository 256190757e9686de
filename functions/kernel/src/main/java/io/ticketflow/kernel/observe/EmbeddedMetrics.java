package io.ticketflow.kernel.observe;

import io.ticketflow.catalog.BusinessMetric;
import java.io.PrintStream;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes counts of {@link BusinessMetric}s as one CloudWatch Embedded Metric Format line on standard out: Lambda
 * sends it to CloudWatch Logs, which turns it into metrics without a PutMetricData call (and without a library:
 * the format is a documented JSON shape, {@code _aws.CloudWatchMetrics} declaring which top-level members are
 * metrics). One line per invocation, however many facts it saw, so a batch of 100 activations is one line.
 */
public final class EmbeddedMetrics {

    private final String deployment;
    private final Clock clock;
    private final Supplier<PrintStream> out;

    /** Lines go to {@code System.out} as it is at each write, so a runtime that redirects it sees them. */
    public EmbeddedMetrics(String deployment, Clock clock) {
        this(deployment, clock, () -> System.out);
    }

    /** Lines go to {@code out}: a test or a runtime that reads them. */
    public EmbeddedMetrics(String deployment, Clock clock, Supplier<PrintStream> out) {
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes one line with every non-zero count; nothing when there is none. */
    public void publish(Map<BusinessMetric, Long> counts) {
        Map<BusinessMetric, Long> nonZero = new EnumMap<>(BusinessMetric.class);
        counts.forEach((metric, count) -> {
            if (count != null && count != 0) {
                nonZero.put(metric, count);
            }
        });
        if (!nonZero.isEmpty()) {
            out.get().println(line(nonZero));
        }
    }

    /** Writes one line counting one occurrence of {@code metric}. */
    public void count(BusinessMetric metric) {
        publish(Map.of(metric, 1L));
    }

    String line(Map<BusinessMetric, Long> counts) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"_aws\":{\"Timestamp\":").append(clock.millis())
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":");
        JsonLogLayout.quote(line, BusinessMetric.NAMESPACE);
        line.append(",\"Dimensions\":[[");
        JsonLogLayout.quote(line, BusinessMetric.DEPLOYMENT_DIMENSION);
        line.append("]],\"Metrics\":[");
        boolean first = true;
        for (BusinessMetric metric : counts.keySet()) {
            line.append(first ? "" : ",").append("{\"Name\":");
            JsonLogLayout.quote(line, metric.metricName());
            line.append(",\"Unit\":\"Count\"}");
            first = false;
        }
        line.append("]}]},");
        JsonLogLayout.quote(line, BusinessMetric.DEPLOYMENT_DIMENSION);
        line.append(':');
        JsonLogLayout.quote(line, deployment);
        counts.forEach((metric, count) -> {
            line.append(',');
            JsonLogLayout.quote(line, metric.metricName());
            line.append(':').append(count);
        });
        return line.append('}').toString();
    }
}

package io.ticketflow.local;

import io.ticketflow.catalog.BusinessMetric;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code scripts/run-local --metrics N}: every N seconds one line with the dashboard's figures, from the
 * functions' own metric lines ({@link MetricsTally}): enters per second over the interval, how many wait
 * (entered, not yet activated), the running totals of the booking facts, the messages in dead-letter queues, and
 * the p99 latency of the slowest route over the interval.
 */
final class MetricsSummary implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final MetricsTally tally;
    private final RouteLatencies latencies;
    private final LongSupplier deadLetters;
    private final Clock clock;
    private final PrintStream out;
    private final Duration interval;
    private final Thread thread;
    private Map<BusinessMetric, Long> previous = new EnumMap<>(BusinessMetric.class);
    private volatile boolean running = true;

    MetricsSummary(MetricsTally tally, RouteLatencies latencies, LongSupplier deadLetters, Clock clock, PrintStream out,
                   Duration interval) {
        this.tally = tally;
        this.latencies = latencies;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.out = out;
        this.interval = interval;
        this.thread = new Thread(this::loop, "metrics-summary");
        this.thread.setDaemon(true);
    }

    MetricsSummary start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException stopped) {
                return;
            }
            out.println(line(tally.totals(), latencies.slowestSinceLast(), deadLetters.getAsLong()));
        }
    }

    /** One summary line; {@code totals} are running totals, compared with those of the line before. */
    String line(Map<BusinessMetric, Long> totals, Optional<RouteLatencies.P99> slowest, long deadLetterMessages) {
        long enters = totals.getOrDefault(BusinessMetric.ENTERS, 0L);
        long entersBefore = previous.getOrDefault(BusinessMetric.ENTERS, 0L);
        previous = new EnumMap<>(totals);
        double entersPerSecond = (enters - entersBefore) / (double) Math.max(1, interval.toSeconds());
        return String.format(java.util.Locale.ROOT,
                "metrics %s  enters/s %.1f  waiting %d  activations %d  holds %d  confirmations %d  compensations %d"
                        + "  refunds %d  saga failures %d  dead letters %d  p99 %s",
                LocalTime.now(clock.withZone(ZoneOffset.UTC)).format(TIME), entersPerSecond,
                Math.max(0, enters - totals.getOrDefault(BusinessMetric.ACTIVATIONS, 0L)),
                totals.getOrDefault(BusinessMetric.ACTIVATIONS, 0L), totals.getOrDefault(BusinessMetric.HOLDS, 0L),
                totals.getOrDefault(BusinessMetric.CONFIRMATIONS, 0L), totals.getOrDefault(BusinessMetric.COMPENSATIONS, 0L),
                totals.getOrDefault(BusinessMetric.REFUNDS, 0L), totals.getOrDefault(BusinessMetric.SAGA_FAILURES, 0L),
                deadLetterMessages, slowest.map(p99 -> p99.millis() + " ms (" + p99.routeKey() + ", slowest route)")
                        .orElse("-"));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

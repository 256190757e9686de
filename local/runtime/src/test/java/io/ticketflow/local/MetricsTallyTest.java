package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.BusinessMetric;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.observe.EmbeddedMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** run-local --metrics: the functions' own EMF lines, added up and summarised in one line. */
class MetricsTallyTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final MetricsTally tally = new MetricsTally(console, KernelBeans.newJsonMapper());
    private final PrintStream out = tally.printStream();

    @Test
    void metricLines_areAddedUp_andKeptOffTheConsole_whileLogLinesPassAndAreCounted() {
        EmbeddedMetrics metrics = new EmbeddedMetrics("local", Clock.systemUTC(), () -> out);
        metrics.publish(Map.of(BusinessMetric.ENTERS, 3L, BusinessMetric.HOLDS, 1L));
        metrics.count(BusinessMetric.ENTERS);
        out.println("{\"timestamp\":\"t\",\"message\":\"POST /reservations answered 201 in 9 ms\"}");
        out.print("half a ");
        out.println("line");

        assertThat(tally.totals()).containsEntry(BusinessMetric.ENTERS, 4L).containsEntry(BusinessMetric.HOLDS, 1L)
                .containsEntry(BusinessMetric.CONFIRMATIONS, 0L);
        assertThat(tally.metricLines()).isEqualTo(2);
        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"timestamp\":\"t\",\"message\":\"POST /reservations answered 201 in 9 ms\"}\nhalf a line\n");
        assertThat(tally.logLines()).isEqualTo(2);
        assertThat(tally.logBytes()).isEqualTo(console.size());
    }

    @Test
    void aLineThatOnlyLooksLikeMetrics_isShownAsItIs() {
        out.println("{\"_aws\" is not how this ends");

        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("{\"_aws\" is not how this ends\n");
        assertThat(tally.metricLines()).isZero();
    }

    @Test
    void summaryLine_showsEntersPerSecondOverTheInterval_waiting_andTheRunningTotals() {
        MetricsSummary summary = new MetricsSummary(tally, new RouteLatencies(), () -> 2,
                Clock.fixed(Instant.parse("2026-12-05T13:00:10Z"), ZoneOffset.UTC), new PrintStream(console), Duration.ofSeconds(10));

        summary.line(Map.of(BusinessMetric.ENTERS, 100L), Optional.empty(), 0);
        String line = summary.line(Map.of(BusinessMetric.ENTERS, 250L, BusinessMetric.ACTIVATIONS, 200L,
                BusinessMetric.HOLDS, 40L, BusinessMetric.CONFIRMATIONS, 30L, BusinessMetric.COMPENSATIONS, 3L,
                BusinessMetric.REFUNDS, 2L, BusinessMetric.SAGA_FAILURES, 4L),
                Optional.of(new RouteLatencies.P99("POST /payments", 412, 40)), 2);

        assertThat(line).isEqualTo("metrics 13:00:10  enters/s 15.0  waiting 50  activations 200  holds 40"
                + "  confirmations 30  compensations 3  refunds 2  saga failures 4  dead letters 2"
                + "  p99 412 ms (POST /payments, slowest route)");
    }

    @Test
    void slowestRoute_isTheRouteWithTheHighestP99_overTheRequestsSinceTheLastLine() {
        RouteLatencies latencies = new RouteLatencies();
        for (long ms = 1; ms <= 100; ms++) {
            latencies.record("GET /concerts", ms);
        }
        latencies.record("POST /payments", 50);
        latencies.record("POST /payments", 60);

        assertThat(latencies.slowestSinceLast()).contains(new RouteLatencies.P99("GET /concerts", 99, 100));
        assertThat(latencies.slowestSinceLast()).isEmpty();
        assertThat(RouteLatencies.p99(List.of(7L))).isEqualTo(7);
    }
}

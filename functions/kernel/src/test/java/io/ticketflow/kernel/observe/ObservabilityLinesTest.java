package io.ticketflow.kernel.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.ticketflow.catalog.BusinessMetric;
import io.ticketflow.kernel.function.KernelBeans;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The two line shapes CloudWatch reads: a JSON log line with the correlation id, an EMF metrics line. */
class ObservabilityLinesTest {

    private final JsonMapper json = KernelBeans.newJsonMapper();

    @Test
    void logLine_isOneJsonObject_withTheCorrelationIdAndAnEscapedMessage() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        String line = Correlation.with("booking-7", () -> new JsonLogLayout().doLayout(new LoggingEvent(
                "test", context.getLogger("io.ticketflow.Test"), Level.WARN, "seat {} said \"no\"\nthen", null,
                new Object[] {7})));

        assertThat(line).endsWith("\n").doesNotContain("\nthen");
        JsonNode fields = json.readTree(line);
        assertThat(fields.path("correlationId").asString()).isEqualTo("booking-7");
        assertThat(fields.path("level").asString()).isEqualTo("WARN");
        assertThat(fields.path("message").asString()).isEqualTo("seat 7 said \"no\"\nthen");
        assertThat(MDC.get(Correlation.KEY)).isNull();
    }

    @Test
    void metricsLine_declaresEachCountedMetric_underTheNamespaceAndDeployment() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmbeddedMetrics metrics = new EmbeddedMetrics("ticketflow-dev",
                Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC),
                () -> new PrintStream(out, true, StandardCharsets.UTF_8));
        Map<BusinessMetric, Long> counts = new EnumMap<>(BusinessMetric.class);
        counts.put(BusinessMetric.HOLDS, 3L);
        counts.put(BusinessMetric.CONFIRMATIONS, 2L);
        counts.put(BusinessMetric.REFUNDS, 0L);

        metrics.publish(counts);

        JsonNode line = json.readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode declared = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(declared.path("Namespace").asString()).isEqualTo("Ticketflow");
        assertThat(declared.path("Dimensions").get(0).get(0).asString()).isEqualTo("Deployment");
        assertThat(declared.path("Metrics").valueStream().map(m -> m.path("Name").asString()))
                .containsExactly("Holds", "Confirmations");
        assertThat(line.path("Deployment").asString()).isEqualTo("ticketflow-dev");
        assertThat(line.path("Holds").asLong()).isEqualTo(3);
        assertThat(line.path("Confirmations").asLong()).isEqualTo(2);
        assertThat(line.has("Refunds")).isFalse();
    }

    @Test
    void deployment_isTheResourcePrefixWithoutItsDash() {
        assertThat(BusinessMetric.deployment("ticketflow-dev-")).isEqualTo("ticketflow-dev");
        assertThat(BusinessMetric.deployment("local-")).isEqualTo("local");
    }
}

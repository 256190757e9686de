package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalOptionsTest {

    private static final Path ROOT = Path.of("/checkout");

    @Test
    void noArguments_port8080_startsMoto_prefixLocal_andSeeds() {
        LocalOptions options = LocalOptions.parse(List.of(), Map.of(), ROOT);

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.endpoint()).isNull();
        assertThat(options.resourcePrefix()).isEqualTo("local-");
        assertThat(options.seed()).isTrue();
        assertThat(options.intervalSeconds("queue-activation", 10)).isEqualTo(10);
    }

    @Test
    void endpointVariable_isUsedInsteadOfStartingMoto() {
        LocalOptions options = LocalOptions.parse(List.of(), Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ROOT);

        assertThat(options.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
    }

    @Test
    void intervalOverrides_applyToTheirScheduleFirst_thenToAll() {
        LocalOptions options = LocalOptions.parse(List.of("--activation-interval-seconds", "2",
                "--schedule-interval-seconds", "5", "--port", "9090", "--set", "QUEUE_ACTIVE_WINDOW_SECONDS=30"), Map.of(), ROOT);

        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.intervalSeconds("queue-activation", 10)).isEqualTo(2);
        assertThat(options.intervalSeconds("queue-expiry", 10)).isEqualTo(5);
        assertThat(options.functionConfig()).containsEntry("QUEUE_ACTIVE_WINDOW_SECONDS", "30");
    }

    @Test
    void metrics_withoutSeconds_summarisesEveryTenSeconds_withSeconds_asGiven_andOffByDefault() {
        assertThat(LocalOptions.parse(List.of(), Map.of(), ROOT).metricsSeconds()).isZero();
        assertThat(LocalOptions.parse(List.of("--metrics"), Map.of(), ROOT).metricsSeconds()).isEqualTo(10);
        assertThat(LocalOptions.parse(List.of("--metrics", "--no-seed"), Map.of(), ROOT).metricsSeconds()).isEqualTo(10);
        assertThat(LocalOptions.parse(List.of("--metrics", "3", "--port", "9090"), Map.of(), ROOT).metricsSeconds()).isEqualTo(3);
        assertThatThrownBy(() -> LocalOptions.parse(List.of("--metrics", "0"), Map.of(), ROOT))
                .hasMessageContaining("at least 1");
    }

    @Test
    void unknownOptionOrMissingValue_isRejectedWithUsage() {
        assertThatThrownBy(() -> LocalOptions.parse(List.of("--bogus"), Map.of(), ROOT)).hasMessageContaining("usage");
        assertThatThrownBy(() -> LocalOptions.parse(List.of("--port"), Map.of(), ROOT)).hasMessageContaining("needs a value");
    }
}

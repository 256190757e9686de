package io.ticketflow.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.queue.domain.CounterShards;
import io.ticketflow.queue.domain.QueuePolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueSettingsTest {

    @Test
    void policy_nothingConfigured_usesDefaultsAndTheCatalogueScheduleRate() {
        QueuePolicy policy = QueueSettings.policy(key -> null);

        assertThat(policy).isEqualTo(new QueuePolicy(100, 1000, Duration.ofSeconds(300), Duration.ofSeconds(10)));
    }

    @Test
    void policy_configured_usesTheConfiguredValues() {
        Map<String, String> env = Map.of(
                QueueSettings.BATCH_SIZE, "20",
                QueueSettings.MAX_ACTIVE, " 50 ",
                QueueSettings.ACTIVE_WINDOW_SECONDS, "60");

        QueuePolicy policy = QueueSettings.policy(env::get);

        assertThat(policy.batchSize()).isEqualTo(20);
        assertThat(policy.maxActive()).isEqualTo(50);
        assertThat(policy.activeWindow()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void policy_notANumber_isRejectedNamingTheKey() {
        assertThatThrownBy(() -> QueueSettings.policy(Map.of(QueueSettings.MAX_ACTIVE, "lots")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(QueueSettings.MAX_ACTIVE);
    }

    @Test
    void counterShards_nothingConfigured_isOneExactCounter_andConfiguredIsTaken() {
        assertThat(QueueSettings.counterShards(key -> null)).isEqualTo(CounterShards.SINGLE);
        assertThat(QueueSettings.counterShards(Map.of(QueueSettings.COUNTER_SHARDS, "16")::get)).isEqualTo(new CounterShards(16));
    }

    @Test
    void counterShards_moreThanOneTransactionCanOpen_isRejected() {
        assertThatThrownBy(() -> QueueSettings.counterShards(Map.of(QueueSettings.COUNTER_SHARDS, "200")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counter shards");
    }
}

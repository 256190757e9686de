package io.ticketflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.events.EventEnvelope;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

class OutboxItemsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void event_storedAsItem_readsBackEqual_keyedByAggregateAndSequence() {
        EventEnvelope event = EventMother.activated("qt-1", 2, Instant.parse("2026-11-25T18:05:00Z"));

        Map<String, AttributeValue> item = OutboxItems.toItem(event, json);

        assertThat(item.get("aggregateId").s()).isEqualTo("qt-1");
        assertThat(item.get("sequence").n()).isEqualTo("2");
        assertThat(item.get("payload").s()).contains("\"activeUntil\":\"2026-11-25T18:05:00Z\"");
        assertThat(OutboxItems.fromItem(item, json)).isEqualTo(event);
    }

    @Test
    void itemThatIsNoEvent_isRejectedNamingItsAttributes() {
        Map<String, AttributeValue> stateItem = Map.of("pk", AttributeValue.fromS("TOKEN#qt-1"));

        assertThatThrownBy(() -> OutboxItems.fromItem(stateItem, json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an outbox event item")
                .hasMessageContaining("pk");
    }
}

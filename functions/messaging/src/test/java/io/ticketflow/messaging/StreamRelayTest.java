package io.ticketflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.observe.EmbeddedMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the relay must not send anywhere; with no SQS client at all, any send attempt would fail the record. */
class StreamRelayTest {

    private final JsonMapper json = JsonMapper.builder().build();
    /** No route takes a QUEUE_* event from the point outbox (queue-events routes every QUEUE_* type now). */
    private final ByteArrayOutputStream metricLines = new ByteArrayOutputStream();
    private final StreamRelay relay = new StreamRelay(null, new AwsSettings(null, null, "test-"), "point-events", json,
            new EmbeddedMetrics("test", Clock.systemUTC(), () -> new PrintStream(metricLines, true, StandardCharsets.UTF_8)));

    @Test
    void modifyAndRemoveRecords_areNotNewEvents_andAreSkipped() {
        DynamodbEvent batch = batch(record("MODIFY", "1"), record("REMOVE", "2"));

        assertThat(relay.apply(batch).getBatchItemFailures()).isEmpty();
    }

    @Test
    void eventRoutedNowhere_isSkipped() {
        DynamodbEvent batch = batch(record("INSERT", "1"));

        assertThat(relay.apply(batch).getBatchItemFailures()).isEmpty();
    }

    @Test
    void newEvents_countTheirFact_inOneMetricLinePerBatch() {
        relay.apply(batch(record("INSERT", "1"), record("INSERT", "2"), record("MODIFY", "3")));

        List<String> lines = metricLines.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode line = json.readTree(lines.get(0));
        assertThat(line.path("Enters").asLong()).isEqualTo(2);
        assertThat(line.path("Deployment").asString()).isEqualTo("test");
        assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(0).path("Name").asString())
                .isEqualTo("Enters");
    }

    @Test
    void batchWithoutNewEvents_writesNoMetricLine() {
        relay.apply(batch(record("MODIFY", "1"), record("REMOVE", "2")));

        assertThat(metricLines.size()).isZero();
    }

    private DynamodbStreamRecord record(String eventName, String sequenceNumber) {
        Map<String, AttributeValue> image = OutboxItems.toItem(EventMother.waiting("qt-1"), json).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s() != null
                        ? new AttributeValue().withS(e.getValue().s()) : new AttributeValue().withN(e.getValue().n())));
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(new StreamRecord().withSequenceNumber(sequenceNumber).withNewImage(image)
                .withApproximateCreationDateTime(java.util.Date.from(Instant.now())));
        return record;
    }

    private static DynamodbEvent batch(DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }
}

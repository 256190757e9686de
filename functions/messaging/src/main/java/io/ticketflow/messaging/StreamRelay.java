package io.ticketflow.messaging;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.aws.AwsSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes what an outbox table's stream shows: each inserted event goes, as envelope JSON, to every queue the
 * catalogue routes its type to. Delivery is at least once: a retried record may reach a queue twice, and
 * consumers de-duplicate on {@code eventId}.
 */
public final class StreamRelay implements Function<DynamodbEvent, StreamsEventResponse> {

    private static final System.Logger LOG = System.getLogger(StreamRelay.class.getName());

    private final SqsClient sqs;
    private final AwsSettings settings;
    private final String outboxTable;
    private final JsonMapper json;
    /** Queue name → URL, asked once per container: the URLs never change while it lives. */
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    /** @param outboxTable logical table name, as in the catalogue's event routes */
    public StreamRelay(SqsClient sqs, AwsSettings settings, String outboxTable, JsonMapper json) {
        this.sqs = sqs;
        this.settings = settings;
        this.outboxTable = outboxTable;
        this.json = json;
    }

    @Override
    public StreamsEventResponse apply(DynamodbEvent batch) {
        for (DynamodbStreamRecord record : batch.getRecords()) {
            try {
                relay(record);
            } catch (RuntimeException e) {
                String sequenceNumber = record.getDynamodb().getSequenceNumber();
                LOG.log(System.Logger.Level.WARNING, "relay of stream record " + sequenceNumber + " from " + outboxTable
                        + " failed; the batch restarts at it: " + e);
                // Lambda restarts a stream batch at the first failure, so later records are not even tried now
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    private void relay(DynamodbStreamRecord record) {
        // the outbox is append-only: MODIFY/REMOVE (e.g. a TTL purge) are not new events
        if (!"INSERT".equals(record.getEventName())) {
            return;
        }
        EventEnvelope event = OutboxItems.fromItem(StreamImages.toItem(record.getDynamodb().getNewImage()), json);
        List<String> queues = Catalogue.queuesFor(outboxTable, event.type());
        if (queues.isEmpty()) {
            return;
        }
        String body = json.writeValueAsString(event);
        for (String queue : queues) {
            sqs.sendMessage(message -> message.queueUrl(queueUrl(queue)).messageBody(body));
        }
    }

    private String queueUrl(String queue) {
        return queueUrls.computeIfAbsent(queue,
                name -> sqs.getQueueUrl(request -> request.queueName(settings.physicalName(name))).queueUrl());
    }
}

package io.ticketflow.messaging;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.observe.Correlation;
import io.ticketflow.kernel.observe.EmbeddedMetrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes what an outbox table's stream shows: each inserted event goes, as envelope JSON, to every queue the
 * catalogue routes its type to, in SendMessageBatch requests per queue (a crowd's batch of 100 activations is 10
 * requests, not 100). Delivery is at least once: a retried record may reach a queue twice, and consumers
 * de-duplicate on {@code eventId}. Every event through also counts its business fact ({@link EventMetrics}), one
 * Embedded Metric Format line per batch.
 */
public final class StreamRelay implements Function<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRelay.class);
    private static final int MAX_BATCH_ENTRIES = 10;
    /** SQS's limit for a whole SendMessageBatch (and for one message). */
    private static final int MAX_BATCH_BYTES = 256 * 1024;

    private final SqsClient sqs;
    private final AwsSettings settings;
    private final String outboxTable;
    private final JsonMapper json;
    private final EmbeddedMetrics metrics;
    /** Queue name → URL, asked once per container: the URLs never change while it lives. */
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    /** @param outboxTable logical table name, as in the catalogue's event routes */
    public StreamRelay(SqsClient sqs, AwsSettings settings, String outboxTable, JsonMapper json,
                       EmbeddedMetrics metrics) {
        this.sqs = sqs;
        this.settings = settings;
        this.outboxTable = outboxTable;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public StreamsEventResponse apply(DynamodbEvent batch) {
        List<DynamodbStreamRecord> records = batch.getRecords();
        Map<String, List<Outgoing>> byQueue = new LinkedHashMap<>();
        EventEnvelope[] events = new EventEnvelope[records.size()];
        int firstFailed = records.size();
        for (int index = 0; index < records.size(); index++) {
            try {
                events[index] = route(records.get(index), index, byQueue);
            } catch (RuntimeException e) {
                firstFailed = index;
                warn(records.get(index), null, e);
                break;
            }
        }
        for (Map.Entry<String, List<Outgoing>> queue : byQueue.entrySet()) {
            firstFailed = Math.min(firstFailed, send(queue.getKey(), queue.getValue(), firstFailed, records, events));
        }
        // the records from the first failure on come again: they are counted when they are through
        metrics.publish(EventMetrics.count(Arrays.stream(events, 0, firstFailed).filter(Objects::nonNull).toList()));
        // Lambda restarts a stream batch at the first failure, so what follows it is sent again then
        return new StreamsEventResponse(firstFailed == records.size() ? List.of()
                : List.of(new StreamsEventResponse.BatchItemFailure(records.get(firstFailed).getDynamodb().getSequenceNumber())));
    }

    /** One message to send: the envelope JSON of the record at {@code recordIndex} of the batch. */
    private record Outgoing(int recordIndex, String body, int bytes) {
    }

    /** @return the record's event, or null when it is not a new event */
    private EventEnvelope route(DynamodbStreamRecord record, int index, Map<String, List<Outgoing>> byQueue) {
        // the outbox is append-only: MODIFY/REMOVE (e.g. a TTL purge) are not new events
        if (!"INSERT".equals(record.getEventName())) {
            return null;
        }
        EventEnvelope event = OutboxItems.fromItem(StreamImages.toItem(record.getDynamodb().getNewImage()), json);
        List<String> queues = Catalogue.queuesFor(outboxTable, event.type());
        if (queues.isEmpty()) {
            return event;
        }
        String body = json.writeValueAsString(event);
        Outgoing outgoing = new Outgoing(index, body, body.getBytes(StandardCharsets.UTF_8).length);
        queues.forEach(queue -> byQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(outgoing));
        return event;
    }

    /**
     * Sends a queue's messages in SendMessageBatch requests (10 entries and 256 KiB at most each), in batch order,
     * only those of records before {@code firstFailed}: the rest are retried anyway.
     *
     * @return the index of the earliest record a message of which was not sent, or {@code firstFailed}
     */
    private int send(String queue, List<Outgoing> messages, int firstFailed, List<DynamodbStreamRecord> records,
                     EventEnvelope[] events) {
        List<Outgoing> chunk = new ArrayList<>();
        int chunkBytes = 0;
        for (Outgoing message : messages) {
            if (message.recordIndex() >= firstFailed) {
                break;
            }
            if (chunk.size() == MAX_BATCH_ENTRIES || chunkBytes + message.bytes() > MAX_BATCH_BYTES) {
                firstFailed = Math.min(firstFailed, sendChunk(queue, chunk, records, events));
                chunk = new ArrayList<>();
                chunkBytes = 0;
                if (message.recordIndex() >= firstFailed) {
                    break;
                }
            }
            chunk.add(message);
            chunkBytes += message.bytes();
        }
        return chunk.isEmpty() ? firstFailed : Math.min(firstFailed, sendChunk(queue, chunk, records, events));
    }

    /** @return the index of the earliest record whose message this request did not send, or {@code MAX_VALUE} */
    private int sendChunk(String queue, List<Outgoing> chunk, List<DynamodbStreamRecord> records,
                          EventEnvelope[] events) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(chunk.get(i).body()).build());
        }
        try {
            SendMessageBatchResponse response = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl(queue)).entries(entries));
            int earliest = Integer.MAX_VALUE;
            for (BatchResultErrorEntry failed : response.failed()) {
                Outgoing message = chunk.get(Integer.parseInt(failed.id()));
                earliest = Math.min(earliest, message.recordIndex());
                warn(records.get(message.recordIndex()), events[message.recordIndex()], new IllegalStateException(
                        queue + " refused the message: " + failed.code() + " " + failed.message()));
            }
            return earliest;
        } catch (RuntimeException e) {
            warn(records.get(chunk.get(0).recordIndex()), events[chunk.get(0).recordIndex()], e);
            return chunk.get(0).recordIndex();
        }
    }

    /** @param event the record's event, null when it could not be read */
    private void warn(DynamodbStreamRecord record, EventEnvelope event, RuntimeException e) {
        Correlation.with(event == null ? null : event.correlationId(), () -> {
            LOG.warn("relay of stream record {} from {} failed; the batch restarts at it: {}",
                    record.getDynamodb().getSequenceNumber(), outboxTable, e.toString());
            return null;
        });
    }

    private String queueUrl(String queue) {
        return queueUrls.computeIfAbsent(queue,
                name -> sqs.getQueueUrl(request -> request.queueName(settings.physicalName(name))).queueUrl());
    }
}

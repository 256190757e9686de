package io.ticketflow.messaging;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.observe.Correlation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies each event of an SQS batch once: the handler's effects and the event's inbox record are written in one
 * transaction, conditional on the inbox record being new, so a redelivered event is a no-op. Messages that
 * cannot be parsed or applied are reported as batch item failures: SQS redelivers them and, after the queue's
 * maxReceiveCount, moves them to its DLQ — never silently dropped.
 */
public final class EventConsumer implements Function<SQSEvent, SQSBatchResponse> {

    /** Longer than SQS can keep a message (14 days max), so every redelivery still finds the inbox record. */
    public static final Duration INBOX_RETENTION = Duration.ofDays(15);

    /** Attempts of an optimistic handler ({@link EventHandler#retriesOnConflict()}) before the message fails. */
    static final int CONFLICT_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

    private final DynamoDbClient dynamoDb;
    private final String inboxTable;
    private final EventHandler handler;
    private final JsonMapper json;
    private final Clock clock;

    /** @param inboxTable physical table name */
    public EventConsumer(DynamoDbClient dynamoDb, String inboxTable, EventHandler handler, JsonMapper json, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.inboxTable = inboxTable;
        this.handler = handler;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent batch) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSMessage message : batch.getRecords()) {
            boolean applied;
            try {
                EventEnvelope event = json.readValue(message.getBody(), EventEnvelope.class);
                // the failure line too carries the booking's id: that is where one looks first
                applied = Correlation.with(event.correlationId(), () -> applied(message, event));
            } catch (RuntimeException unreadable) {
                applied = failed(message, unreadable);
            }
            if (!applied) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private boolean applied(SQSMessage message, EventEnvelope event) {
        try {
            consume(event);
            return true;
        } catch (RuntimeException e) {
            return failed(message, e);
        }
    }

    private static boolean failed(SQSMessage message, RuntimeException e) {
        LOG.warn("message {} failed and will be redelivered: {}", message.getMessageId(), e.toString());
        return false;
    }

    private void consume(EventEnvelope event) {
        for (int attempt = 1; !consumeOnce(event); attempt++) {
            if (attempt >= CONFLICT_ATTEMPTS) {
                throw new IllegalStateException("event " + event.eventId() + " kept conflicting with concurrent writes");
            }
        }
    }

    /** @return false when an optimistic handler's effect lost a race and must be recomputed */
    private boolean consumeOnce(EventEnvelope event) {
        List<TransactWriteItem> items = new ArrayList<>(handler.effects(event));
        int inboxIndex = items.size();
        items.add(inboxRecord(event));
        try {
            dynamoDb.transactWriteItems(request -> request.transactItems(items));
        } catch (TransactionCanceledException cancelled) {
            List<Integer> failed = Cancellations.conditionFailures(cancelled);
            if (failed.isEmpty()) {
                throw cancelled;
            }
            if (!failed.contains(inboxIndex) && handler.retriesOnConflict()) {
                return false;
            }
            // inbox condition failed: a duplicate; an effect's condition failed: the event no longer applies
            LOG.debug("event {} is a no-op: {}", event.eventId(),
                    failed.contains(inboxIndex) ? "already processed" : "stale for the handler");
        }
        return true;
    }

    private TransactWriteItem inboxRecord(EventEnvelope event) {
        long expiresAt = clock.instant().plus(INBOX_RETENTION).getEpochSecond();
        return TransactWriteItem.builder().put(Put.builder()
                        .tableName(inboxTable)
                        .item(Map.of(
                                Catalogue.INBOX_PARTITION_KEY, AttributeValue.fromS(event.eventId()),
                                "type", AttributeValue.fromS(event.type()),
                                "aggregateId", AttributeValue.fromS(event.aggregateId()),
                                "sequence", AttributeValue.fromN(Long.toString(event.sequence())),
                                Catalogue.INBOX_TTL_ATTRIBUTE, AttributeValue.fromN(Long.toString(expiresAt))))
                        .conditionExpression("attribute_not_exists(#eventId)")
                        .expressionAttributeNames(Map.of("#eventId", Catalogue.INBOX_PARTITION_KEY))
                        .build())
                .build();
    }
}

package io.ticketflow.messaging;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.aws.Backoff;
import io.ticketflow.kernel.aws.Throttled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a state change and the events it causes in ONE {@code TransactWriteItems}: either both are stored or
 * neither, so an event is never lost nor published for a change that did not happen. The outbox table's stream
 * then feeds the {@link StreamRelay}.
 *
 * <p>A cancellation is read by {@link Cancellations}: a failed condition becomes a {@link TransactionConflict}; a
 * throttled transaction, which wrote nothing, is tried again after a {@link Backoff} and ends as {@link Throttled}
 * when that allows no more; any other cancellation (a race with another transaction, a fault) is rethrown as is.
 */
public final class OutboxWriter {

    /** DynamoDB's limit of items in one transaction. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    private final DynamoDbClient dynamoDb;
    private final String outboxTable;
    private final JsonMapper json;
    private final Backoff backoff;

    /** @param outboxTable physical table name */
    public OutboxWriter(DynamoDbClient dynamoDb, String outboxTable, JsonMapper json) {
        this(dynamoDb, outboxTable, json, Backoff.standard());
    }

    public OutboxWriter(DynamoDbClient dynamoDb, String outboxTable, JsonMapper json, Backoff backoff) {
        this.dynamoDb = dynamoDb;
        this.outboxTable = outboxTable;
        this.json = json;
        this.backoff = backoff;
    }

    /**
     * @throws TransactionConflict when a condition failed — of a state change, or of an event whose
     *                             aggregate already has that sequence number (indexes: state changes, then events)
     * @throws Throttled           when DynamoDB kept throttling the transaction; nothing was written
     */
    public void write(List<TransactWriteItem> stateChanges, List<EventEnvelope> events) {
        List<TransactWriteItem> items = new ArrayList<>(stateChanges);
        events.forEach(event -> items.add(eventPut(event)));
        if (items.isEmpty()) {
            return;
        }
        if (items.size() > MAX_TRANSACTION_ITEMS) {
            throw new IllegalArgumentException(items.size() + " items exceed the " + MAX_TRANSACTION_ITEMS + " of one transaction");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(items));
                return;
            } catch (TransactionCanceledException cancelled) {
                switch (Cancellations.causeOf(cancelled)) {
                    case CONDITION_FAILED -> throw new TransactionConflict(Cancellations.conditionFailures(cancelled), cancelled);
                    case THROTTLED -> {
                        if (!backoff.allowsAfter(attempt)) {
                            throw new Throttled("TransactWriteItems of " + items.size() + " items throttled "
                                    + attempt + " times", cancelled);
                        }
                        backoff.pauseAfter(attempt);
                    }
                    default -> throw cancelled;
                }
            }
        }
    }

    private TransactWriteItem eventPut(EventEnvelope event) {
        // one sequence number of an aggregate is written once: a retried or concurrent writer cannot fork its history
        return TransactWriteItem.builder().put(Put.builder()
                        .tableName(outboxTable)
                        .item(OutboxItems.toItem(event, json))
                        .conditionExpression("attribute_not_exists(#sequence)")
                        .expressionAttributeNames(Map.of("#sequence", Catalogue.OUTBOX_SORT_KEY))
                        .build())
                .build();
    }
}

package io.ticketflow.messaging;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

/** Reads a service's outbox as its event store: append-only, per aggregate, ordered by sequence. */
public final class EventStore {

    private final DynamoDbClient dynamoDb;
    private final String outboxTable;
    private final JsonMapper json;

    /** @param outboxTable physical table name */
    public EventStore(DynamoDbClient dynamoDb, String outboxTable, JsonMapper json) {
        this.dynamoDb = dynamoDb;
        this.outboxTable = outboxTable;
        this.json = json;
    }

    /** The aggregate's events, oldest first; empty for an unknown aggregate. */
    public List<EventEnvelope> events(String aggregateId) {
        return dynamoDb.queryPaginator(request -> request
                        .tableName(outboxTable)
                        .keyConditionExpression("#aggregate = :aggregate")
                        .expressionAttributeNames(Map.of("#aggregate", Catalogue.OUTBOX_PARTITION_KEY))
                        .expressionAttributeValues(Map.of(":aggregate", AttributeValue.fromS(aggregateId)))
                        .scanIndexForward(true)
                        .consistentRead(true))
                .items().stream()
                .map(item -> OutboxItems.fromItem(item, json))
                .toList();
    }

    /**
     * Every event, page by page as the stream is consumed (for replays that rebuild a read model). Across
     * aggregates the order is unspecified; a replay that needs per-aggregate order sorts on sequence.
     */
    public Stream<EventEnvelope> all() {
        return dynamoDb.scanPaginator(request -> request.tableName(outboxTable).consistentRead(true))
                .items().stream()
                .map(item -> OutboxItems.fromItem(item, json));
    }
}

package io.ticketflow.concert.adapter;

import io.ticketflow.concert.domain.SeatMap;
import io.ticketflow.concert.domain.SeatMapStore;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The seat maps on DynamoDB (layout: {@link SeatMapItems}), one item per schedule. */
public final class DynamoDbSeatMapStore implements SeatMapStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    /** @param seatMapsTable physical name of {@code concert-seat-maps} */
    public DynamoDbSeatMapStore(DynamoDbClient dynamoDb, String seatMapsTable) {
        this.dynamoDb = dynamoDb;
        this.table = seatMapsTable;
    }

    /** An eventually consistent read: the seat map is a read model, cached for a second anyway. */
    @Override
    public Optional<SeatMap> find(String scheduleId) {
        return read(scheduleId, false);
    }

    /** A strongly consistent read, for read-modify-write. */
    public Optional<SeatMap> findLatest(String scheduleId) {
        return read(scheduleId, true);
    }

    /** A put of a new schedule's seat map, refused when the schedule id exists already. */
    TransactWriteItem create(SeatMap seatMap) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(SeatMapItems.toItem(seatMap.withVersion(1)))
                .conditionExpression("attribute_not_exists(#scheduleId)")
                .expressionAttributeNames(Map.of("#scheduleId", SeatMapItems.SCHEDULE_ID))
                .build()).build();
    }

    /**
     * Writes {@code next} as the version after {@code read}, only if the stored item is still at {@code read}'s
     * version: a concurrent writer makes the condition fail instead of being overwritten.
     */
    public TransactWriteItem replace(SeatMap read, SeatMap next) {
        return TransactWriteItem.builder().put(versionedPut(read, next)).build();
    }

    /** {@link #replace} on its own, outside a transaction; @return false when the item changed meanwhile */
    public boolean replaceNow(SeatMap read, SeatMap next) {
        Put put = versionedPut(read, next);
        try {
            dynamoDb.putItem(request -> request.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames())
                    .expressionAttributeValues(put.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    private Put versionedPut(SeatMap read, SeatMap next) {
        return Put.builder()
                .tableName(table)
                .item(SeatMapItems.toItem(next.withVersion(read.version() + 1)))
                .conditionExpression("#version = :read")
                .expressionAttributeNames(Map.of("#version", SeatMapItems.VERSION))
                .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(read.version()))))
                .build();
    }

    private Optional<SeatMap> read(String scheduleId, boolean consistent) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table)
                .key(SeatMapItems.key(scheduleId)).consistentRead(consistent)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SeatMapItems.fromItem(item));
    }
}

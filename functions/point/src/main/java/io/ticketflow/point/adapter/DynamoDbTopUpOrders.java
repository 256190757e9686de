package io.ticketflow.point.adapter;

import io.ticketflow.point.domain.TopUpOrder;
import io.ticketflow.point.domain.TopUpOrders;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Top-ups as items of the user's own partition in {@code point-accounts} (layout: {@link PointItems}). */
public final class DynamoDbTopUpOrders implements TopUpOrders {

    private final DynamoDbClient dynamoDb;
    private final String table;

    /** @param accountsTable physical name of {@code point-accounts} */
    public DynamoDbTopUpOrders(DynamoDbClient dynamoDb, String accountsTable) {
        this.dynamoDb = dynamoDb;
        this.table = accountsTable;
    }

    /** The provider's checkout ids are unique, so a plain put never replaces another user's top-up. */
    @Override
    public void save(TopUpOrder order) {
        dynamoDb.putItem(request -> request.tableName(table).item(PointItems.topUpItem(order)));
    }

    @Override
    public Optional<TopUpOrder> find(String userId, String checkoutId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table)
                .key(PointItems.topUpKey(userId, checkoutId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PointItems.topUp(item));
    }
}

package io.ticketflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

class DynamoDbCapacityTest {

    @Test
    void size_countsAttributeNamesAndStringBytes() {
        assertThat(DynamoDbCapacity.size(Map.of("id", s("abc"), "é", s("x")))).isEqualTo(2 + 3 + 2 + 1);
    }

    @Test
    void putItem_ofAnItemOverOneKilobyte_costsTwoWriteUnits() {
        PutItemRequest put = PutItemRequest.builder().tableName("t").item(Map.of("id", s("a".repeat(1500)))).build();

        DynamoDbCapacity.Units units = DynamoDbCapacity.of(put, PutItemResponse.builder().build());

        assertThat(units).isEqualTo(new DynamoDbCapacity.Units(0, 2));
    }

    @Test
    void getItem_eventuallyConsistentFindingNothing_stillCostsHalfAReadUnit() {
        DynamoDbCapacity.Units units = DynamoDbCapacity.of(GetItemRequest.builder().tableName("t").build(),
                GetItemResponse.builder().build());

        assertThat(units).isEqualTo(new DynamoDbCapacity.Units(0.5, 0));
    }

    @Test
    void query_stronglyConsistent_isBilledOnTheSumOfItemSizesPerFourKilobytes() {
        Map<String, AttributeValue> item = Map.of("id", s("a".repeat(3000)));
        QueryRequest query = QueryRequest.builder().tableName("t").consistentRead(true).build();

        DynamoDbCapacity.Units units = DynamoDbCapacity.of(query, QueryResponse.builder().items(item, item).build());

        assertThat(units).isEqualTo(new DynamoDbCapacity.Units(2, 0));
    }

    @Test
    void transactWrite_costsTwoUnitsPerItemIncludingConditionChecks() {
        TransactWriteItemsRequest transaction = TransactWriteItemsRequest.builder().transactItems(List.of(
                TransactWriteItem.builder().put(Put.builder().tableName("t").item(Map.of("id", s("a"))).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("t").build()).build()))
                .build();

        DynamoDbCapacity.Units units = DynamoDbCapacity.of(transaction, TransactWriteItemsResponse.builder().build());

        assertThat(units).isEqualTo(new DynamoDbCapacity.Units(0, 4));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

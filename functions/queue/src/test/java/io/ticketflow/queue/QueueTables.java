package io.ticketflow.queue;

import io.ticketflow.catalog.AttributeType;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.KeyAttribute;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.TableSpec;
import io.ticketflow.kernel.aws.AwsSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Creates the Queue service's tables in the emulator exactly as the catalogue declares them. */
public final class QueueTables {

    private QueueTables() {
    }

    public static void create(DynamoDbClient dynamoDb, AwsSettings settings) {
        create(dynamoDb, settings, Catalogue.table(QueueResources.TOKENS_TABLE));
        create(dynamoDb, settings, Catalogue.table(QueueResources.EVENTS_TABLE));
    }

    /** Items in a table, counted by a consistent scan. */
    public static int count(DynamoDbClient dynamoDb, String physicalTable) {
        return dynamoDb.scanPaginator(r -> r.tableName(physicalTable).select(Select.COUNT).consistentRead(true))
                .stream().mapToInt(page -> page.count()).sum();
    }

    private static void create(DynamoDbClient dynamoDb, AwsSettings settings, TableSpec table) {
        Map<String, KeyAttribute> attributes = new LinkedHashMap<>();
        List<KeyAttribute> keys = new ArrayList<>();
        keys.add(table.partitionKey());
        keys.add(table.sortKey());
        table.indexes().forEach(index -> {
            keys.add(index.partitionKey());
            keys.add(index.sortKey());
        });
        keys.stream().filter(k -> k != null).forEach(k -> attributes.putIfAbsent(k.name(), k));
        dynamoDb.createTable(request -> {
            request.tableName(settings.physicalName(table.name()))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(keySchema(table.partitionKey(), table.sortKey()))
                    .attributeDefinitions(attributes.values().stream().map(a -> AttributeDefinition.builder()
                            .attributeName(a.name())
                            .attributeType(a.type() == AttributeType.S ? ScalarAttributeType.S : ScalarAttributeType.N)
                            .build()).toList());
            if (!table.indexes().isEmpty()) {
                request.globalSecondaryIndexes(table.indexes().stream().map(index -> GlobalSecondaryIndex.builder()
                        .indexName(index.name())
                        .keySchema(keySchema(index.partitionKey(), index.sortKey()))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build()).toList());
            }
            if (table.stream()) {
                request.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        });
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build());
        if (sortKey != null) {
            schema.add(KeySchemaElement.builder().attributeName(sortKey.name()).keyType(KeyType.RANGE).build());
        }
        return schema;
    }
}

package io.ticketflow.bench;

import io.ticketflow.testsupport.MotoServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DESIGN §6: what one request costs in moto as the table fills, on our launcher and on stock moto 5.2.5
 * side by side in one run. The transaction is the outbox write (a conditional put of an event and an
 * update of the state item); the queries are a sweep's page of a sparse index and a read of one partition.
 */
final class MotoTransactions implements Figure {

    private static final int BATCH = 25;
    /** Beyond this per transaction, stock moto is measured fewer times (and the table says so). */
    private static final double SLOW_MS = 5_000;
    private static final int SLOW_SAMPLES = 3;

    private final List<Integer> sizes;
    private final int samples;

    MotoTransactions(List<Integer> sizes, int samples) {
        this.sizes = List.copyOf(sizes);
        this.samples = samples;
    }

    @Override
    public String name() {
        return "moto-transactions";
    }

    private record Measured(Stats transaction, Stats indexQuery, Stats partitionQuery) {
    }

    @Override
    public List<Table> run(BenchSetup setup) {
        Map<Integer, Measured> launcher;
        Map<Integer, Measured> stock;
        try (DynamoDbClient dynamo = patientClient(setup.endpoint(), setup.region())) {
            launcher = measure(dynamo);
        }
        try (MotoServer stockServer = MotoServer.startStock(0, setup.workDirectory().resolve("moto-stock.log"));
             DynamoDbClient dynamo = patientClient(stockServer.endpoint(), setup.region())) {
            stock = measure(dynamo);
        }
        Table table = new Table("moto-transactions — median per request, launcher vs stock moto 5.2.5 (same run)",
                "items in table", "transaction launcher", "stock", "launcher/stock",
                "index query launcher", "stock", "launcher/stock", "partition query launcher", "stock", "launcher/stock");
        for (int size : sizes) {
            Measured ours = launcher.get(size);
            Measured theirs = stock.get(size);
            table.row(size, Table.millis(ours.transaction().median()), Table.millis(theirs.transaction().median()),
                    Table.ratio(ours.transaction().median() / theirs.transaction().median()),
                    Table.millis(ours.indexQuery().median()), Table.millis(theirs.indexQuery().median()),
                    Table.ratio(ours.indexQuery().median() / theirs.indexQuery().median()),
                    Table.millis(ours.partitionQuery().median()), Table.millis(theirs.partitionQuery().median()),
                    Table.ratio(ours.partitionQuery().median() / theirs.partitionQuery().median()));
            if (theirs.transaction().count() < samples) {
                table.note("stock at " + size + " items: " + theirs.transaction().count() + " transactions measured, not "
                        + samples + " (one took over " + (long) SLOW_MS / 1000 + " s)");
            }
        }
        return List.of(table.note(samples + " samples per cell (median). Transaction: conditional Put of an event + Update of a state"
                        + " item. Index query: Limit 25 of one hash key of a sparse GSI holding every 10th item, 10 hash keys."
                        + " Partition query: the 20 items of one partition key. Items loaded with BatchWriteItem; the table"
                        + " has a NEW_AND_OLD_IMAGES stream."));
    }

    /**
     * Stock moto needs tens of seconds per transaction on a large table: past the SDK's read timeout, and a
     * retry would measure (and apply) the transaction again.
     */
    private static DynamoDbClient patientClient(URI endpoint, String region) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(10)).build())
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private Map<Integer, Measured> measure(DynamoDbClient dynamo) {
        String name = "bench-tx-" + System.nanoTime();
        createTable(dynamo, name);
        Map<Integer, Measured> measured = new HashMap<>();
        int loaded = 0;
        long sequence = 0;
        for (int size : sizes) {
            load(dynamo, name, loaded, size);
            List<Double> transactions = new ArrayList<>();
            // The first size also warms up the JVM's SDK path; those samples are dropped.
            int warmUp = loaded == 0 ? 3 : 0;
            loaded = size;
            for (int i = -warmUp; i < samples; i++) {
                long eventSequence = ++sequence;
                double ms = time(() -> dynamo.transactWriteItems(request -> request.transactItems(
                        TransactWriteItem.builder().put(put -> put.tableName(name)
                                .item(Map.of("pk", s("events-" + size), "sk", n(eventSequence), "type", s("SeatHeld")))
                                .conditionExpression("attribute_not_exists(pk)")).build(),
                        TransactWriteItem.builder().update(update -> update.tableName(name).key(Map.of("pk", s("state"), "sk", n(0)))
                                .updateExpression("ADD version :one").expressionAttributeValues(Map.of(":one", n(1)))).build())));
                if (i < 0) {
                    continue;
                }
                transactions.add(ms);
                if (ms > SLOW_MS && transactions.size() >= SLOW_SAMPLES) {
                    break;
                }
            }
            List<Double> indexQueries = new ArrayList<>();
            List<Double> partitionQueries = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                String bucket = "b" + (i % 10);
                indexQueries.add(time(() -> dynamo.query(request -> request.tableName(name).indexName("pendingByExpiry")
                        .keyConditionExpression("pendingBucket = :b AND expiresAt < :e")
                        .expressionAttributeValues(Map.of(":b", s(bucket), ":e", n(Long.MAX_VALUE / 2))).limit(25))));
                String partition = "p" + (i % Math.max(1, size / 20));
                partitionQueries.add(time(() -> dynamo.query(request -> request.tableName(name)
                        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s(partition))))));
            }
            measured.put(size, new Measured(Stats.of(transactions), Stats.of(indexQueries), Stats.of(partitionQueries)));
        }
        return measured;
    }

    /** Items {@code from} to {@code to}: 20 per partition, every 10th in the sparse index. */
    private static void load(DynamoDbClient dynamo, String table, int from, int to) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s("p" + (i / 20)), "sk", n(i % 20),
                    "payload", s("x".repeat(200))));
            if (i % 10 == 0) {
                item.put("pendingBucket", s("b" + (i / 10 % 10)));
                item.put("expiresAt", n(1_000_000L + i));
            }
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == BATCH || i == to - 1) {
                List<WriteRequest> writes = List.copyOf(batch);
                dynamo.batchWriteItem(request -> request.requestItems(Map.of(table, writes)));
                batch.clear();
            }
        }
    }

    private static void createTable(DynamoDbClient dynamo, String name) {
        dynamo.createTable(request -> request.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                        attribute("pendingBucket", ScalarAttributeType.S), attribute("expiresAt", ScalarAttributeType.N))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("pendingByExpiry")
                        .keySchema(key("pendingBucket", KeyType.HASH), key("expiresAt", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static double time(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

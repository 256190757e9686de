package io.ticketflow.messaging;

import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.core.SdkBytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.MotoServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The launcher (moto_server_serialized.py) replaces moto's TransactWriteItems and narrows its queries; these
 * run the same requests through the real SDK against the launcher and against stock moto 5.2.5 and require
 * the same answers, plus what the launcher fixes: no lost or phantom writes of cancelled transactions.
 */
@ExtendWith(MotoExtension.class)
class MotoLauncherConformanceIT {

    private static MotoServer stockServer;

    private AwsClients launcher;
    private AwsClients stock;
    private String table;

    @BeforeAll
    static void startStock() {
        stockServer = MotoServer.startStock(0, null);
    }

    @AfterAll
    static void stopStock() {
        stockServer.close();
    }

    @BeforeEach
    void createTables(EmulatorEndpoint endpoint) {
        launcher = FreshAccount.clients(endpoint);
        stock = FreshAccount.clients(new EmulatorEndpoint(stockServer.endpoint(), endpoint.region()));
        table = launcher.settings().physicalName("conformance");
        both(dynamo -> createTable(dynamo, table));
        both(dynamo -> {
            for (int i = 0; i < 40; i++) {
                Map<String, AttributeValue> item = seedItem(i);
                dynamo.putItem(request -> request.tableName(table).item(item));
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        launcher.close();
        stock.close();
    }

    @Test
    void cancellationReasons_areStockMotos_inRequestOrder_withNoneForPassingItems() {
        List<Outcome> outcomes = both(dynamo -> transact(dynamo,
                put("p0", 100, "attribute_not_exists(pk)", null),
                check("p0", 4, "attribute_not_exists(pk)", null),
                update("p1", 1, "SET note = :n", null, Map.of(":n", s("x")), null),
                delete("p2", 2, "attribute_not_exists(pk)", null)));

        assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1));
        assertThat(outcomes.get(0).reasons()).extracting(CancellationReason::code)
                .containsExactly("None", "ConditionalCheckFailed", "None", "ConditionalCheckFailed");
    }

    @Test
    void allOld_returnsTheStoredItemOfEachFailedCondition_likeStockMoto() {
        ReturnValuesOnConditionCheckFailure allOld = ReturnValuesOnConditionCheckFailure.ALL_OLD;
        List<Outcome> outcomes = both(dynamo -> transact(dynamo,
                put("p0", 0, "attribute_not_exists(pk)", allOld),
                check("p1", 1, "attribute_not_exists(pk)", allOld),
                update("p2", 2, "SET note = :n", "attribute_not_exists(pk)", Map.of(":n", s("x")), allOld),
                delete("p3", 3, "attribute_not_exists(pk)", allOld),
                put("p0", 200, "attribute_not_exists(pk)", allOld)));

        assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1));
        assertThat(outcomes.get(0).reasons()).extracting(CancellationReason::item)
                .containsExactly(seedItem(0), seedItem(1), seedItem(2), seedItem(3), Map.of());
    }

    @Test
    void twoOperationsOnOneItem_isStockMotosValidationError_andWritesNothing() {
        List<Outcome> outcomes = both(dynamo -> transact(dynamo,
                put("p0", 300, null, null),
                update("p0", 300, "SET note = :n", null, Map.of(":n", s("x")), null)));

        assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1));
        assertThat(outcomes.get(0).error()).isEqualTo("ValidationException");
        assertThat(outcomes.get(0).message()).contains("multiple operations on one item");
        assertThat(bothItems()).allSatisfy(items -> assertThat(items).isEqualTo(seededItems()));
    }

    @Test
    void putUpdateDeleteAndConditionCheck_commit_withTheSameItemsAndStreamRecordsInOrder() {
        List<String> iterators = latestIterators();

        List<Outcome> outcomes = both(dynamo -> transact(dynamo,
                put("p0", 100, "attribute_not_exists(pk)", null),
                update("p1", 1, "SET note = :n, expiresAt = :e", "attribute_exists(pk)", Map.of(":n", s("x"), ":e", n(7)), null),
                delete("p2", 2, "attribute_exists(pk)", null),
                check("p3", 3, "attribute_exists(pk)", null)));

        assertThat(outcomes).containsOnly(Outcome.COMMITTED);
        List<Map<String, AttributeValue>> launcherItems = bothItems().get(0);
        assertThat(bothItems().get(1)).isEqualTo(launcherItems);
        assertThat(launcherItems).contains(Map.of("pk", s("p0"), "sk", n(100)))
                .doesNotContain(seedItem(2));
        List<List<String>> records = List.of(read(launcher, iterators.get(0)), read(stock, iterators.get(1)));
        assertThat(records.get(0)).isEqualTo(records.get(1))
                .containsExactly("INSERT p0/100", "MODIFY p1/1", "REMOVE p2/2");
    }

    @Test
    void cancelledTransaction_writesNothing_andLeavesNoStreamRecord_evenForAnIteratorIssuedBefore() {
        List<String> iterators = latestIterators();

        List<Outcome> outcomes = both(dynamo -> transact(dynamo,
                put("p0", 100, null, null),
                update("p1", 1, "SET note = :n", null, Map.of(":n", s("x")), null),
                delete("p2", 2, null, null),
                check("p3", 3, "attribute_not_exists(pk)", null)));
        both(dynamo -> transact(dynamo, put("p0", 101, null, null)));

        assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1));
        assertThat(outcomes.get(0).error()).isEqualTo("TransactionCanceledException");
        List<Map<String, AttributeValue>> expected = new ArrayList<>(seededItems());
        expected.add(Map.of("pk", s("p0"), "sk", n(101)));
        assertThat(bothItems()).allSatisfy(items -> assertThat(items).containsExactlyInAnyOrderElementsOf(expected));
        assertThat(read(launcher, iterators.get(0))).containsExactly("INSERT p0/101");
        // Stock moto: that iterator still reads the stream of the table it swapped out on cancel.
        assertThat(read(stock, iterators.get(1))).containsExactly("INSERT p0/100", "MODIFY p1/1", "REMOVE p2/2");
    }

    @Test
    void updateInvalidForTheStoredItem_isStockMotosValidationError_andUndoesTheItemsWrittenBefore() {
        List<String> iterators = latestIterators();

        List<Outcome> outcomes = both(dynamo -> transact(dynamo,
                put("p0", 100, "attribute_not_exists(pk)", null),
                delete("p2", 2, null, null),
                update("p1", 1, "SET expiresAt = pendingBucket + :n", null, Map.of(":n", n(1)), null)));
        both(dynamo -> transact(dynamo, put("p0", 101, null, null)));

        assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1));
        assertThat(outcomes.get(0).error()).isEqualTo("ValidationException");
        assertThat(outcomes.get(0).message()).contains("Incorrect operand type");
        List<List<Map<String, AttributeValue>>> items = bothItems();
        assertThat(items.get(0)).isEqualTo(items.get(1)).contains(seedItem(2)).doesNotContain(Map.of("pk", s("p0"), "sk", n(100)));
        assertThat(read(launcher, iterators.get(0))).containsExactly("INSERT p0/101");
    }

    @Test
    void indexQueries_answerLikeStockMoto_page_by_page_alsoAfterItemsMoveBetweenIndexKeys() {
        List<QueryRequest> queries = List.of(
                index("pendingBucket = :b", Map.of(":b", s("b0"))).build(),
                index("pendingBucket = :b", Map.of(":b", s("b1"))).scanIndexForward(false).build(),
                index("pendingBucket = :b AND expiresAt < :e", Map.of(":b", s("b2"), ":e", n(5))).build(),
                index("pendingBucket = :b AND expiresAt BETWEEN :l AND :h", Map.of(":b", s("b0"), ":l", n(2), ":h", n(5)))
                        .scanIndexForward(false).build(),
                index("pendingBucket = :b", Map.of(":b", s("b1"))).limit(2).build(),
                index("pendingBucket = :b AND expiresAt >= :e", Map.of(":b", s("b2"), ":e", n(1))).limit(3).scanIndexForward(false).build(),
                index("pendingBucket = :b", Map.of(":b", s("nobody"))).build(),
                QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p AND sk > :s")
                        .expressionAttributeValues(Map.of(":p", s("p1"), ":s", n(4))).limit(3).build());
        assertSameAnswers(queries);

        // Moves items between index hash keys, out of the sparse index and back, also through rolled back transactions.
        both(dynamo -> {
            dynamo.updateItem(request -> request.tableName(table).key(key("p1", 5)).updateExpression("SET pendingBucket = :b")
                    .expressionAttributeValues(Map.of(":b", s("b2"))));
            dynamo.updateItem(request -> request.tableName(table).key(key("p2", 6)).updateExpression("REMOVE expiresAt"));
            dynamo.updateItem(request -> request.tableName(table).key(key("p3", 7)).updateExpression("REMOVE pendingBucket"));
            dynamo.updateItem(request -> request.tableName(table).key(key("p0", 8)).updateExpression("SET pendingBucket = :b, expiresAt = :e")
                    .expressionAttributeValues(Map.of(":b", s("b1"), ":e", n(3))));
            dynamo.deleteItem(request -> request.tableName(table).key(key("p1", 9)));
            dynamo.putItem(request -> request.tableName(table).item(Map.of("pk", s("p9"), "sk", n(1), "pendingBucket", s("b0"), "expiresAt", n(4))));
            dynamo.updateItem(request -> request.tableName(table).key(key("p8", 1)).updateExpression("SET pendingBucket = :b, expiresAt = :e")
                    .expressionAttributeValues(Map.of(":b", s("b0"), ":e", n(2))));
            transact(dynamo, update("p0", 12, "SET pendingBucket = :b", null, Map.of(":b", s("b2")), null),
                    check("p3", 3, "attribute_not_exists(pk)", null));
            transact(dynamo, update("p0", 16, "SET pendingBucket = :b", null, Map.of(":b", s("b2")), null),
                    update("p1", 1, "SET expiresAt = pendingBucket + :n", null, Map.of(":n", n(1)), null));
            transact(dynamo, put("p7", 1, null, null), delete("p2", 10, null, null),
                    update("p3", 11, "SET pendingBucket = :b", null, Map.of(":b", s("b0")), null));
            return null;
        });
        assertSameAnswers(queries);
        assertThat(both(dynamo -> allPages(dynamo, queries.get(0)).get(0).count()).get(0)).isEqualTo(3);
        assertThat(both(dynamo -> allPages(dynamo, queries.get(4)).size()).get(0)).isGreaterThan(1);
    }

    /**
     * The launcher writes item answers with json.dumps instead of moto's shape-walking serializer: every attribute
     * type, nested, must come back exactly as stock moto answers it, through every item operation.
     */
    @Test
    void itemAnswers_everyAttributeType_areStockMotos_forEveryItemOperation() {
        Map<String, AttributeValue> rich = new HashMap<>(key("p5", 1));
        rich.put("txt", s("é ✓ \"quoted\" \\ back"));
        rich.put("num", n(-12));
        rich.put("dec", AttributeValue.fromN("3.25"));
        rich.put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 254, (byte) 255})));
        rich.put("flag", AttributeValue.fromBool(true));
        rich.put("nul", AttributeValue.fromNul(true));
        rich.put("strSet", AttributeValue.fromSs(List.of("a", "b")));
        rich.put("numSet", AttributeValue.fromNs(List.of("1", "2.5")));
        rich.put("binSet", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {7}), SdkBytes.fromByteArray(new byte[] {8, 9}))));
        rich.put("seats", AttributeValue.fromL(List.of(
                AttributeValue.fromM(Map.of("seatNo", n(1), "status", s("HELD"), "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("x")))),
                AttributeValue.fromL(List.of(AttributeValue.fromNul(true), AttributeValue.fromBool(false))),
                AttributeValue.fromM(Map.of()))));
        Map<String, AttributeValue> item = Map.copyOf(rich);

        List<List<Object>> answers = both(dynamo -> {
            List<Object> answered = new ArrayList<>();
            answered.add(dynamo.putItem(request -> request.tableName(table).item(item).returnValues(ReturnValue.ALL_OLD)).attributes());
            answered.add(dynamo.putItem(request -> request.tableName(table).item(item).returnValues(ReturnValue.ALL_OLD)).attributes());
            answered.add(dynamo.getItem(request -> request.tableName(table).key(key("p5", 1))).item());
            answered.add(dynamo.getItem(request -> request.tableName(table).key(key("p5", 404))).hasItem());
            answered.add(dynamo.getItem(request -> request.tableName(table).key(key("p5", 1)).projectionExpression("seats[0].blob, bin")).item());
            answered.add(dynamo.query(request -> request.tableName(table).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p5")))).items());
            answered.add(dynamo.scan(request -> request.tableName(table).limit(7)).lastEvaluatedKey());
            answered.add(dynamo.batchGetItem(request -> request.requestItems(Map.of(table,
                    KeysAndAttributes.builder().keys(key("p5", 1), key("p5", 404)).build()))).responses());
            answered.add(dynamo.transactGetItems(request -> request.transactItems(TransactGetItem.builder()
                    .get(Get.builder().tableName(table).key(key("p5", 1)).build()).build())).responses()
                    .stream().map(ItemResponse::item).toList());
            answered.add(dynamo.updateItem(request -> request.tableName(table).key(key("p5", 1))
                    .updateExpression("SET num = num + :one, seats[1][1] = :t").returnValues(ReturnValue.ALL_NEW)
                    .expressionAttributeValues(Map.of(":one", n(1), ":t", AttributeValue.fromBool(true)))).attributes());
            answered.add(dynamo.updateItem(request -> request.tableName(table).key(key("p5", 1))
                    .updateExpression("REMOVE bin").returnValues(ReturnValue.UPDATED_OLD)).attributes());
            answered.add(dynamo.deleteItem(request -> request.tableName(table).key(key("p5", 1)).returnValues(ReturnValue.ALL_OLD)).attributes());
            answered.add(dynamo.deleteItem(request -> request.tableName(table).key(key("p5", 1)).returnValues(ReturnValue.ALL_OLD)).hasAttributes());
            return answered;
        });

        assertThat(answers.get(0)).isEqualTo(answers.get(1));
        assertThat(answers.get(0).get(2)).isEqualTo(item);
        assertThat(answers.get(0).get(4)).isEqualTo(Map.of("bin", item.get("bin"),
                "seats", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("blob", AttributeValue.fromB(SdkBytes.fromUtf8String("x"))))))));
    }

    /** The launcher computes a queue's attributes one by one when read: the answers must stay stock moto's. */
    @Test
    void queueAttributes_andDeliveries_areStockMotos_withMessagesInFlightDelayedAndWaiting() {
        List<Map<String, String>> answers = new ArrayList<>();
        List<List<String>> received = new ArrayList<>();
        for (AwsClients aws : List.of(launcher, stock)) {
            SqsClient sqs = aws.sqs();
            String dlqArn = sqs.getQueueAttributes(request -> request.queueUrl(sqs.createQueue(create -> create
                            .queueName(aws.settings().physicalName("conformance-dlq"))).queueUrl())
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            String url = sqs.createQueue(create -> create.queueName(aws.settings().physicalName("conformance-q"))
                    .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                            "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();
            for (int i = 0; i < 5; i++) {
                String body = "m" + i;
                sqs.sendMessage(request -> request.queueUrl(url).messageBody(body));
            }
            sqs.sendMessage(request -> request.queueUrl(url).messageBody("later").delaySeconds(60));
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(2)).messages();
            received.add(messages.stream().map(Message::body).toList());
            sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(messages.get(0).receiptHandle()));
            sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(messages.get(0).receiptHandle()));
            try {
                sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle("no-such-handle"));
                received.add(List.of("deleted with an unknown receipt handle"));
            } catch (SqsException unknown) {
                received.add(List.of(unknown.awsErrorDetails().errorCode()));
            }
            Map<String, String> all = new java.util.TreeMap<>(sqs.getQueueAttributes(request -> request.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings());
            all.keySet().removeAll(List.of("CreatedTimestamp", "LastModifiedTimestamp", "QueueArn", "RedrivePolicy"));
            all.putAll(sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.VISIBILITY_TIMEOUT))
                    .attributesAsStrings().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(e -> "named " + e.getKey(), Map.Entry::getValue)));
            answers.add(all);
        }

        assertThat(received.get(0)).isEqualTo(received.get(2)).containsExactly("m0", "m1");
        assertThat(received.get(1)).isEqualTo(received.get(3)).singleElement().asString().contains("ReceiptHandleIsInvalid");
        assertThat(answers.get(0)).isEqualTo(answers.get(1))
                .containsEntry("ApproximateNumberOfMessages", "3")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "1")
                .containsEntry("ApproximateNumberOfMessagesDelayed", "1")
                .containsEntry("named ApproximateNumberOfMessages", "3");
    }

    private void assertSameAnswers(List<QueryRequest> queries) {
        int itemsAnswered = 0;
        for (QueryRequest query : queries) {
            List<List<Page>> pages = both(dynamo -> allPages(dynamo, query));
            assertThat(pages.get(0)).as(query.keyConditionExpression()).isEqualTo(pages.get(1));
            itemsAnswered += pages.get(0).stream().mapToInt(page -> page.items().size()).sum();
        }
        assertThat(itemsAnswered).isGreaterThan(20);
    }

    // ------------------------------------------------------------------ the same request on both servers

    /** Runs {@code call} on the launcher, then on stock moto: [launcher's answer, stock's answer]. */
    private <T> List<T> both(Function<DynamoDbClient, T> call) {
        List<T> answers = new ArrayList<>();
        answers.add(call.apply(launcher.dynamoDb()));
        answers.add(call.apply(stock.dynamoDb()));
        return answers;
    }

    private List<List<Map<String, AttributeValue>>> bothItems() {
        return both(dynamo -> dynamo.scan(request -> request.tableName(table)).items().stream()
                .sorted(java.util.Comparator.comparing((Map<String, AttributeValue> item) -> item.get("pk").s())
                        .thenComparing(item -> Long.parseLong(item.get("sk").n())))
                .toList());
    }

    private List<Map<String, AttributeValue>> seededItems() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(seedItem(i));
        }
        items.sort(java.util.Comparator.comparing((Map<String, AttributeValue> item) -> item.get("pk").s())
                .thenComparing(item -> Long.parseLong(item.get("sk").n())));
        return items;
    }

    /** Partition p(i%4); every third item outside the sparse index, every fifth without its range key. */
    private static Map<String, AttributeValue> seedItem(int i) {
        Map<String, AttributeValue> item = new HashMap<>(key("p" + (i % 4), i));
        if (i % 3 != 0) {
            item.put("pendingBucket", s("b" + (i % 3)));
        }
        if (i % 5 != 0) {
            item.put("expiresAt", n(i % 7));
        }
        return Map.copyOf(item);
    }

    private Void createTable(DynamoDbClient dynamo, String name) {
        dynamo.createTable(request -> request.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                        attribute("pendingBucket", ScalarAttributeType.S), attribute("expiresAt", ScalarAttributeType.N))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byExpiry")
                        .keySchema(KeySchemaElement.builder().attributeName("pendingBucket").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("expiresAt").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        return null;
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private QueryRequest.Builder index(String condition, Map<String, AttributeValue> values) {
        return QueryRequest.builder().tableName(table).indexName("byExpiry").keyConditionExpression(condition)
                .expressionAttributeValues(values);
    }

    record Page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastEvaluatedKey, Integer count,
                Integer scannedCount) {
    }

    private static List<Page> allPages(DynamoDbClient dynamo, QueryRequest query) {
        List<Page> pages = new ArrayList<>();
        QueryResponse page = dynamo.query(query);
        pages.add(new Page(page.items(), page.lastEvaluatedKey(), page.count(), page.scannedCount()));
        while (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() && pages.size() < 50) {
            QueryResponse previous = page;
            page = dynamo.query(query.toBuilder().exclusiveStartKey(previous.lastEvaluatedKey()).build());
            pages.add(new Page(page.items(), page.lastEvaluatedKey(), page.count(), page.scannedCount()));
        }
        return pages;
    }

    // ------------------------------------------------------------------ transactions

    record Outcome(String error, String message, List<CancellationReason> reasons) {
        static final Outcome COMMITTED = new Outcome(null, null, List.of());
    }

    private static Outcome transact(DynamoDbClient dynamo, TransactWriteItem... items) {
        try {
            dynamo.transactWriteItems(request -> request.transactItems(items));
            return Outcome.COMMITTED;
        } catch (TransactionCanceledException e) {
            return new Outcome(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage(), e.cancellationReasons());
        } catch (DynamoDbException e) {
            return new Outcome(e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage(), List.of());
        }
    }

    private TransactWriteItem put(String pk, long sk, String condition, ReturnValuesOnConditionCheckFailure onFailure) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(key(pk, sk))
                .conditionExpression(condition).returnValuesOnConditionCheckFailure(onFailure).build()).build();
    }

    private TransactWriteItem check(String pk, long sk, String condition, ReturnValuesOnConditionCheckFailure onFailure) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key(pk, sk))
                .conditionExpression(condition).returnValuesOnConditionCheckFailure(onFailure).build()).build();
    }

    private TransactWriteItem update(String pk, long sk, String expression, String condition, Map<String, AttributeValue> values,
                                     ReturnValuesOnConditionCheckFailure onFailure) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(pk, sk)).updateExpression(expression)
                .conditionExpression(condition).expressionAttributeValues(values).returnValuesOnConditionCheckFailure(onFailure)
                .build()).build();
    }

    private TransactWriteItem delete(String pk, long sk, String condition, ReturnValuesOnConditionCheckFailure onFailure) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(pk, sk))
                .conditionExpression(condition).returnValuesOnConditionCheckFailure(onFailure).build()).build();
    }

    // ------------------------------------------------------------------ streams

    /** [launcher's, stock's] iterator at the end of the table's stream, issued now. */
    private List<String> latestIterators() {
        return List.of(latestIterator(launcher), latestIterator(stock));
    }

    private String latestIterator(AwsClients aws) {
        DynamoDbStreamsClient streams = aws.dynamoDbStreams();
        String streamArn = aws.dynamoDb().describeTable(request -> request.tableName(table)).table().latestStreamArn();
        String shardId = streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
        return streams.getShardIterator(request -> request.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
    }

    /** "EVENT pk/sk" of each record the iterator reads. */
    private static List<String> read(AwsClients aws, String iterator) {
        return aws.dynamoDbStreams().getRecords(request -> request.shardIterator(iterator)).records().stream()
                .map(MotoLauncherConformanceIT::describe).toList();
    }

    private static String describe(Record record) {
        Map<String, AttributeValue> keys = record.dynamodb().keys();
        return record.eventNameAsString() + " " + keys.get("pk").s() + "/" + keys.get("sk").n();
    }

    private static Map<String, AttributeValue> key(String pk, long sk) {
        return Map.of("pk", s(pk), "sk", n(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

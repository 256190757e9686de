package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(MotoExtension.class)
class StreamPollerIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LocalRuntime runtime;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = TestTopology.start(endpoint, TestTopology.stream());
        dynamoDb = runtime.clients().dynamoDb();
        sqs = runtime.clients().sqs();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @BeforeEach
    void clear() {
        Recorded.clear();
    }

    @Test
    void outboxInsert_isDeliveredToTheFunctionAsALambdaStreamRecord() {
        put("order-1", 1, "OK");

        Eventually.within(WAIT, () -> assertThat(Recorded.STREAM_DELIVERIES).contains("INSERT order-1#1 aws:dynamodb"));
    }

    @Test
    void failingRecord_isRetriedMaxRetryAttemptsThenSentAloneToTheFailureQueue_andTheRecordsBehindItStillArrive() {
        put("order-2", 1, "OK");
        put("order-2", 2, TestFunctions.POISON);
        put("order-2", 3, "OK");

        Eventually.within(WAIT, () -> assertThat(Recorded.STREAM_DELIVERIES).contains("INSERT order-2#3 aws:dynamodb"));
        assertThat(Recorded.count(Recorded.STREAM_ATTEMPTS, "order-2#2")).isEqualTo(1 + TestTopology.STREAM_MAX_RETRIES);
        assertThat(Recorded.count(Recorded.STREAM_ATTEMPTS, "order-2#1")).isEqualTo(1);
        List<Message> failures = receiveAll(TestTopology.STREAM_FAILURES);
        assertThat(failures).hasSize(1);
        assertThat(Recorded.STREAM_DELIVERIES).noneMatch(delivery -> delivery.contains("order-2#2"));
        JsonNode failure = JsonMapper.builder().build().readTree(failures.get(0).body());
        assertThat(failure.path("requestContext").path("condition").asString()).isEqualTo("RetryAttemptsExhausted");
        assertThat(failure.path("DDBStreamBatchInfo").path("batchSize").asInt()).isEqualTo(1);
        assertThat(failure.path("records").get(0).path("dynamodb").path("NewImage").path("status").path("S").asString())
                .isEqualTo(TestFunctions.POISON);
    }

    @Test
    void recordsWrittenAfterACancelledTransaction_areStillDelivered() {
        put("order-3", 1, "OK");
        Eventually.within(WAIT, () -> assertThat(Recorded.STREAM_DELIVERIES).contains("INSERT order-3#1 aws:dynamodb"));

        // moto swaps in table copies after a cancelled transaction; an old iterator chain would miss what follows
        TransactWriteItem duplicate = TransactWriteItem.builder().put(Put.builder()
                .tableName(runtime.settings().physicalName(TestTopology.OUTBOX))
                .item(item("order-3", 1, "OK"))
                .conditionExpression("attribute_not_exists(aggregateId)").build()).build();
        // without the cancellation this test would only repeat the first one, so the cancellation is required
        assertThatThrownBy(() -> dynamoDb.transactWriteItems(r -> r.transactItems(duplicate)))
                .isInstanceOfSatisfying(TransactionCanceledException.class, cancelled -> assertThat(
                        cancelled.cancellationReasons()).extracting(CancellationReason::code)
                        .containsExactly("ConditionalCheckFailed"));
        put("order-3", 2, "OK");

        Eventually.within(WAIT, () -> assertThat(Recorded.STREAM_DELIVERIES).contains("INSERT order-3#2 aws:dynamodb"));
    }

    private static void put(String aggregateId, long sequence, String status) {
        dynamoDb.putItem(r -> r.tableName(runtime.settings().physicalName(TestTopology.OUTBOX))
                .item(item(aggregateId, sequence, status)));
    }

    private static Map<String, AttributeValue> item(String aggregateId, long sequence, String status) {
        return Map.of("aggregateId", AttributeValue.fromS(aggregateId),
                "sequence", AttributeValue.fromN(String.valueOf(sequence)),
                "status", AttributeValue.fromS(status));
    }

    private static List<Message> receiveAll(String queue) {
        String url = sqs.getQueueUrl(r -> r.queueName(runtime.settings().physicalName(queue))).queueUrl();
        return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    }
}

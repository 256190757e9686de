package io.ticketflow.messaging;

import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sqs.model.Message;

/** The three emulator capabilities the design stands on, proven on this machine through the real SDK. */
@ExtendWith(MotoExtension.class)
class MotoCapabilitiesIT {

    private AwsClients aws;
    private String table;

    @BeforeEach
    void createTable(EmulatorEndpoint endpoint) {
        aws = FreshAccount.clients(endpoint);
        table = new CatalogueProvisioner(aws.dynamoDb(), aws.sqs(), aws.settings(), KernelBeans.newJsonMapper()).table(Catalogue.table("queue-events"));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void transactWriteItems_commitsAllOrNothing_andNamesTheFailedCondition() {
        aws.dynamoDb().transactWriteItems(request -> request.transactItems(put("a", 1), put("a", 2)));

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> aws.dynamoDb().transactWriteItems(request -> request.transactItems(put("a", 3), put("a", 1))));

        assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "ConditionalCheckFailed");
        assertThat(sequencesOf("a")).containsExactly("1", "2");
    }

    @Test
    void streamGetRecords_showsEachCommittedInsert_andAFreshIteratorAfterACancelledTransactionSeesLaterOnes() {
        StreamTail tail = new StreamTail(aws.dynamoDb(), aws.dynamoDbStreams(), table);
        aws.dynamoDb().transactWriteItems(request -> request.transactItems(put("a", 1), put("a", 2)));

        List<Record> first = tail.next();
        catchThrowableOfType(TransactionCanceledException.class,
                () -> aws.dynamoDb().transactWriteItems(request -> request.transactItems(put("a", 3), put("a", 1))));
        aws.dynamoDb().transactWriteItems(request -> request.transactItems(put("a", 4)));
        List<Record> second = tail.next();

        assertThat(first).extracting(r -> r.eventNameAsString() + " " + r.dynamodb().newImage().get("sequence").n())
                .containsExactly("INSERT 1", "INSERT 2");
        assertThat(second).extracting(r -> r.eventNameAsString() + " " + r.dynamodb().newImage().get("sequence").n())
                .containsExactly("INSERT 4");
    }

    /**
     * DESIGN §6: stock moto swaps in table copies when it cancels a transaction, and an iterator taken before
     * kept reading the discarded stream (the cancelled put, none of the later writes). Our launcher
     * (moto_server_serialized.py) checks every condition before writing anything, so the stream an iterator
     * reads only ever holds committed writes, also for the pollers' fresh iterator taken in one request and
     * read in the next.
     */
    @Test
    void iteratorTakenBeforeCancelledTransaction_showsNoRolledBackPut_andSeesLaterWrites() {
        String streamArn = aws.dynamoDb().describeTable(request -> request.tableName(table)).table().latestStreamArn();
        String shardId = aws.dynamoDbStreams().describeStream(request -> request.streamArn(streamArn))
                .streamDescription().shards().get(0).shardId();
        aws.dynamoDb().transactWriteItems(request -> request.transactItems(put("a", 1)));
        String iterator = aws.dynamoDbStreams().getShardIterator(request -> request.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        String next = aws.dynamoDbStreams().getRecords(request -> request.shardIterator(iterator)).nextShardIterator();

        catchThrowableOfType(TransactionCanceledException.class,
                () -> aws.dynamoDb().transactWriteItems(request -> request.transactItems(put("a", 2), put("a", 1))));
        aws.dynamoDb().transactWriteItems(request -> request.transactItems(put("a", 3)));

        assertThat(aws.dynamoDbStreams().getRecords(request -> request.shardIterator(next)).records())
                .extracting(r -> r.dynamodb().newImage().get("sequence").n())
                .containsExactly("3");
        assertThat(sequencesOf("a")).containsExactly("1", "3");
    }

    /**
     * The lost write of DESIGN §6: stock moto put a cancelled transaction's table copy back over a write
     * committed meanwhile. Here cancelled transactions on one item race committed puts on others.
     */
    @Test
    void cancelledTransactionsInterleavedWithCommittedWrites_keepEveryCommittedWrite() throws Exception {
        aws.dynamoDb().transactWriteItems(request -> request.transactItems(put("a", 1)));
        int writes = 150;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> cancelling = threads.submit(() -> {
                for (int i = 0; i < writes; i++) {
                    catchThrowableOfType(TransactionCanceledException.class, () -> aws.dynamoDb().transactWriteItems(
                            request -> request.transactItems(put("a", 2), put("b", 1), put("a", 1))));
                }
            });
            Future<?> committing = threads.submit(() -> {
                for (int i = 0; i < writes; i++) {
                    long sequence = i;
                    aws.dynamoDb().transactWriteItems(request -> request.transactItems(put("c", sequence)));
                }
            });
            cancelling.get(2, TimeUnit.MINUTES);
            committing.get(2, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }

        assertThat(sequencesOf("c")).hasSize(writes);
        assertThat(sequencesOf("a")).containsExactly("1");
        assertThat(sequencesOf("b")).isEmpty();
    }

    @Test
    void sqs_deliversWhatWasSent() {
        String queueUrl = aws.sqs().createQueue(request -> request.queueName(aws.settings().physicalName("q"))).queueUrl();

        aws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody("hello"));
        List<Message> received = aws.sqs().receiveMessage(request -> request.queueUrl(queueUrl).waitTimeSeconds(1)).messages();

        assertThat(received).extracting(Message::body).containsExactly("hello");
    }

    private List<String> sequencesOf(String aggregateId) {
        return aws.dynamoDb().query(request -> request.tableName(table)
                        .keyConditionExpression("aggregateId = :a")
                        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(aggregateId))))
                .items().stream().map(item -> item.get("sequence").n()).toList();
    }

    private TransactWriteItem put(String aggregateId, long sequence) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(Map.of("aggregateId", AttributeValue.fromS(aggregateId), "sequence", AttributeValue.fromN(Long.toString(sequence))))
                        .conditionExpression("attribute_not_exists(#s)")
                        .expressionAttributeNames(Map.of("#s", "sequence"))
                        .build())
                .build();
    }
}

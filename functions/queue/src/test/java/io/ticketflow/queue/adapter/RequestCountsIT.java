package io.ticketflow.queue.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.aws.RequestCounter;
import io.ticketflow.queue.QueueFixture;
import io.ticketflow.queue.domain.CounterShards;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.function.ActivateQueueFunction;
import io.ticketflow.queue.function.EnterQueue;
import io.ticketflow.queue.function.EnterQueueFunction;
import io.ticketflow.queue.function.OpenQueue;
import io.ticketflow.queue.function.OpenQueueFunction;
import io.ticketflow.queue.function.QueueStatusFunction;
import io.ticketflow.queue.function.QueueStatusQuery;
import io.ticketflow.queue.function.QueueTicket;
import io.ticketflow.queue.function.QueueTick;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** AWS requests per queue operation, counted by an SDK interceptor: deterministic, unlike time through moto. */
@ExtendWith(MotoExtension.class)
class RequestCountsIT {

    private static final QueuePolicy POLICY = new QueuePolicy(100, 1000, Duration.ofMinutes(5), Duration.ofSeconds(10));
    private static final RequestCounter REQUESTS = new RequestCounter();

    private static QueueFixture fixture;
    private static QueueRepository queues;

    @BeforeAll
    static void createTables(EmulatorEndpoint endpoint) {
        fixture = QueueFixture.withTables(endpoint, REQUESTS);
        queues = fixture.repository(Clock.systemUTC());
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void statusPoll_tenAndThousandWaiting_costsTheSameTwoReads_andAPollPeriodApartOneWriteThatTheUserIsThere() {
        QueueToken lastOfTen = loadWaiting("concert-short", 10);
        QueueToken lastOfThousand = loadWaiting("concert-long", 1_000);
        QueueStatusFunction status = new QueueStatusFunction(queues, POLICY, QueueFixture.PASSES);

        Map<String, Integer> firstPoll = REQUESTS.during(() -> status.apply(new QueueStatusQuery(lastOfTen.token(), lastOfTen.userId())));
        Map<String, Integer> shortQueue = REQUESTS.during(() -> status.apply(new QueueStatusQuery(lastOfTen.token(), lastOfTen.userId())));
        status.apply(new QueueStatusQuery(lastOfThousand.token(), lastOfThousand.userId()));
        QueueTicket[] longTicket = new QueueTicket[1];
        Map<String, Integer> longQueue = REQUESTS.during(
                () -> longTicket[0] = status.apply(new QueueStatusQuery(lastOfThousand.token(), lastOfThousand.userId())));

        System.out.printf("[status poll] first poll: %s; then with 10 waiting: %s; with 1000 waiting: %s%n",
                firstPoll, shortQueue, longQueue);
        assertThat(firstPoll).as("records that the user is there").isEqualTo(Map.of("GetItem", 2, "UpdateItem", 1));
        assertThat(longQueue).isEqualTo(shortQueue).isEqualTo(Map.of("GetItem", 2));
        assertThat(longTicket[0].position()).isEqualTo(1_000);
    }

    @Test
    void enter_firstTimeAndAgain_costThreeRequestsEach() {
        new OpenQueueFunction(queues).apply(new OpenQueue("concert-enter"));
        EnterQueueFunction enter = new EnterQueueFunction(queues, POLICY, QueueFixture.PASSES);

        Map<String, Integer> first = REQUESTS.during(() -> enter.apply(new EnterQueue("concert-enter", "user-1")));
        Map<String, Integer> again = REQUESTS.during(() -> enter.apply(new EnterQueue("concert-enter", "user-1")));

        System.out.printf("[enter] requests first time: %s; again: %s%n", first, again);
        assertThat(first).isEqualTo(Map.of("GetItem", 1, "UpdateItem", 1, "TransactWriteItems", 1));
        assertThat(again).isEqualTo(Map.of("GetItem", 3));
    }

    @Test
    void activation_ofAHundredWaiting_readsInBatchesAndWritesInThreeTransactions() {
        loadWaiting("concert-tick", 250);
        ActivateQueueFunction activate = new ActivateQueueFunction(queues, POLICY, Clock.systemUTC());

        Map<String, Integer> tick = REQUESTS.during(() -> activate.apply(new QueueTick("concert-tick")));

        System.out.printf("[activation] requests for one tick admitting 100: %s%n", tick);
        // counter + slots + tokens of twice the batch (the look-ahead past users who left), 100 keys a batch, then
        // ceil(100 / 45) transactions of counter, flips and events, and the measured rate
        assertThat(tick).isEqualTo(Map.of("GetItem", 1, "BatchGetItem", 4, "TransactWriteItems", 3, "UpdateItem", 1));
        assertThat(queues.findCounter("concert-tick").orElseThrow().activeCount()).isEqualTo(100);
    }

    @Test
    void activation_ofAShardedQueue_readsTheShardsInOneBatchAndWritesEachAtMostOnce_thenIdleTicksWriteNothing() {
        QueueRepository sharded = fixture.repositoryFromShardZero(Clock.systemUTC(), new CounterShards(16));
        new OpenQueueFunction(sharded).apply(new OpenQueue("concert-sharded-tick"));
        EnterQueueFunction enter = new EnterQueueFunction(sharded, POLICY, QueueFixture.PASSES);
        for (int user = 0; user < 50; user++) {
            enter.apply(new EnterQueue("concert-sharded-tick", "user-" + user));
        }
        ActivateQueueFunction activate = new ActivateQueueFunction(sharded, POLICY, Clock.systemUTC());

        Map<String, Integer> tick = REQUESTS.during(() -> activate.apply(new QueueTick("concert-sharded-tick")));
        Map<String, Integer> idleTick = REQUESTS.during(() -> activate.apply(new QueueTick("concert-sharded-tick")));

        System.out.printf("[activation, 16 shards] requests for one tick admitting 50: %s; then idle: %s%n", tick, idleTick);
        // counter + one batch of the 15 other shards + slots + tokens; ceil(50 / 45) transactions; the watermark
        // handed to each of the 15 other shards (shard 0 is the counter itself); the measured rate
        assertThat(tick).isEqualTo(Map.of("GetItem", 1, "BatchGetItem", 3, "TransactWriteItems", 2, "UpdateItem", 16));
        assertThat(idleTick).isEqualTo(Map.of("GetItem", 1, "BatchGetItem", 1));
    }

    /** Writes a queue of waiting tokens as enters would have left it, 25 items per BatchWriteItem. */
    private static QueueToken loadWaiting(String concertId, int waiting) {
        new OpenQueueFunction(queues).apply(new OpenQueue(concertId));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        QueueToken last = null;
        for (int seq = 1; seq <= waiting; seq++) {
            last = QueueToken.waiting(concertId + "-token-" + seq, concertId + "-user-" + seq, concertId, seq);
            items.add(QueueItems.tokenItem(last));
            items.add(QueueItems.userPointerItem(last));
            items.add(QueueItems.seqSlotItem(last));
        }
        for (int start = 0; start < items.size(); start += 25) {
            List<WriteRequest> batch = items.subList(start, Math.min(items.size(), start + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            fixture.aws.dynamoDb().batchWriteItem(r -> r.requestItems(Map.of(fixture.tokensTable(), batch)));
        }
        int issued = waiting;
        fixture.aws.dynamoDb().updateItem(r -> r.tableName(fixture.tokensTable())
                .key(QueueItems.key(QueueItems.counterKey(concertId)))
                .updateExpression("SET #issued = :issued")
                .expressionAttributeNames(Map.of("#issued", QueueItems.ISSUED))
                .expressionAttributeValues(Map.of(":issued", QueueItems.number(issued))));
        return last;
    }
}

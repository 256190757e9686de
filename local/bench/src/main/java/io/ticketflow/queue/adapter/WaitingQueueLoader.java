package io.ticketflow.queue.adapter;

import io.ticketflow.queue.domain.QueueToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes a long waiting queue as enters would have left it — token, user pointer and seq slot per place,
 * then the counter's {@code issued} — with {@code BatchWriteItem}, because moto copies a table on every
 * transaction and a 100 000-place queue entered one by one would take hours there.
 *
 * <p>Lives in the bench jar but in the queue adapter's package, so it writes through the adapter's own
 * {@link QueueItems} layout (package-private) instead of restating it: if the layout changes, this follows.
 */
public final class WaitingQueueLoader {

    private static final int BATCH_LIMIT = 25;

    private final DynamoDbClient dynamoDb;
    private final String tokensTable;

    public WaitingQueueLoader(DynamoDbClient dynamoDb, String tokensTable) {
        this.dynamoDb = dynamoDb;
        this.tokensTable = tokensTable;
    }

    /**
     * Fills a queue with {@code waiting} WAITING tokens (seq 1..waiting) of distinct users.
     *
     * The queue needs not be open: a counter written here takes enters, but a queue never opened is not in the
     * registry, so no activation tick admits from it — its tokens stay WAITING, a backlog that only fills the table.
     * The counter written is of one shard (no {@code shards} attribute), so seq = round; a queue opened with
     * several shards has other seqs and must not be loaded here.
     *
     * @return the last token, the one with the longest wait
     */
    public QueueToken load(String concertId, int waiting, int writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> batches = new ArrayList<>();
            int tokensPerBatch = BATCH_LIMIT / 3;
            for (int first = 1; first <= waiting; first += tokensPerBatch) {
                int from = first;
                int to = Math.min(waiting, first + tokensPerBatch - 1);
                batches.add(pool.submit(() -> write(concertId, from, to)));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            pool.shutdownNow();
        }
        dynamoDb.updateItem(r -> r.tableName(tokensTable)
                .key(QueueItems.key(QueueItems.counterKey(concertId)))
                .updateExpression("SET #issued = :issued, #concert = :concert, #activated = if_not_exists(#activated, :zero),"
                        + " #active = if_not_exists(#active, :zero)")
                .expressionAttributeNames(Map.of("#issued", QueueItems.ISSUED, "#concert", QueueItems.CONCERT_ID,
                        "#activated", QueueItems.ACTIVATED, "#active", QueueItems.ACTIVE_COUNT))
                .expressionAttributeValues(Map.of(":issued", QueueItems.number(waiting),
                        ":concert", AttributeValue.fromS(concertId), ":zero", QueueItems.number(0))));
        return token(concertId, waiting);
    }

    private void write(String concertId, int fromSeq, int toSeq) {
        List<WriteRequest> requests = new ArrayList<>();
        for (int seq = fromSeq; seq <= toSeq; seq++) {
            QueueToken token = token(concertId, seq);
            for (Map<String, AttributeValue> item : List.of(QueueItems.tokenItem(token),
                    QueueItems.userPointerItem(token), QueueItems.seqSlotItem(token))) {
                requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
        }
        Map<String, List<WriteRequest>> pending = Map.of(tokensTable, requests);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> batch = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(batch));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static QueueToken token(String concertId, long seq) {
        return QueueToken.waiting(concertId + "-token-" + seq, concertId + "-user-" + seq, concertId, seq);
    }
}

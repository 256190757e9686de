package io.ticketflow.kernel.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Strongly consistent reads of many items of one table by key, {@value #MAX_KEYS} keys per {@code BatchGetItem}.
 * DynamoDB hands back the keys it had no capacity for as unprocessed; asking again at once only meets the same
 * throttle, so those are asked again after a {@link Backoff}, and when it allows no more the read fails
 * ({@link Throttled}) instead of answering with items missing.
 */
public final class BatchReads {

    /** Keys per BatchGetItem, DynamoDB's limit. */
    static final int MAX_KEYS = 100;

    private static final System.Logger LOG = System.getLogger(BatchReads.class.getName());

    private final Function<BatchGetItemRequest, BatchGetItemResponse> batchGet;
    private final Backoff backoff;

    public BatchReads(DynamoDbClient dynamoDb) {
        this(dynamoDb::batchGetItem, Backoff.standard());
    }

    /** @param batchGet the {@code BatchGetItem} call (a fake in tests) */
    public BatchReads(Function<BatchGetItemRequest, BatchGetItemResponse> batchGet, Backoff backoff) {
        this.batchGet = batchGet;
        this.backoff = backoff;
    }

    /**
     * The items of {@code table} (physical name) that exist under {@code keys}, in no particular order.
     *
     * @throws Throttled when keys were still unprocessed after the last attempt
     */
    public List<Map<String, AttributeValue>> consistent(String table, List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int start = 0; start < keys.size(); start += MAX_KEYS) {
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(start, Math.min(keys.size(), start + MAX_KEYS)))
                    .consistentRead(true)
                    .build());
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > 1) {
                    backoff.pauseAfter(attempt - 1);
                }
                BatchGetItemResponse response = batchGet.apply(BatchGetItemRequest.builder().requestItems(pending).build());
                items.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!pending.isEmpty() && !backoff.allowsAfter(attempt)) {
                    String refused = "BatchGetItem on " + table + ": " + pending.values().stream().mapToInt(k -> k.keys().size()).sum()
                            + " key(s) unprocessed after " + attempt + " attempts";
                    LOG.log(System.Logger.Level.WARNING, refused);
                    throw new Throttled(refused, null);
                }
            }
        }
        return items;
    }
}

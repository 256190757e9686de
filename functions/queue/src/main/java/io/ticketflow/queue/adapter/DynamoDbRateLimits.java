package io.ticketflow.queue.adapter;

import io.ticketflow.queue.domain.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fixed-window counters in the queue's table: one item {@code LIMIT#<key>#<window start>} per key and window, one
 * conditional {@code ADD} per try, refused once it reached the limit. The item carries {@code expiresAt} (epoch
 * seconds, the window's end plus one) for a TTL to delete; the count of a window nobody tries in again is never
 * read.
 */
public final class DynamoDbRateLimits implements RateLimits {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRateLimits(DynamoDbClient dynamoDb, String tokensTable) {
        this.dynamoDb = dynamoDb;
        this.table = tokensTable;
    }

    @Override
    public Optional<Duration> tryOnce(String key, int limit, Duration window, Instant now) {
        long windowMillis = window.toMillis();
        long start = now.toEpochMilli() / windowMillis * windowMillis;
        Instant end = Instant.ofEpochMilli(start + windowMillis);
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(QueueItems.key("LIMIT#" + key + "#" + start))
                    .updateExpression("ADD #tries :one SET #expires = :expires")
                    .conditionExpression("attribute_not_exists(#tries) OR #tries < :limit")
                    .expressionAttributeNames(Map.of("#tries", "tries", "#expires", "expiresAt"))
                    .expressionAttributeValues(Map.of(":one", QueueItems.number(1), ":limit", QueueItems.number(limit),
                            ":expires", QueueItems.number(end.getEpochSecond() + 1))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException limitReached) {
            return Optional.of(Duration.between(now, end));
        }
    }
}

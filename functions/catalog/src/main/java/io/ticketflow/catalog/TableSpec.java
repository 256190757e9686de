package io.ticketflow.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A DynamoDB table (on-demand).
 *
 * @param name         logical name; the physical name is the deployment prefix + this name
 * @param sortKey      null for a partition-key-only table
 * @param stream       true when the table's stream (NEW_AND_OLD_IMAGES) feeds a relay
 * @param ttlAttribute null when items never expire; correctness never depends on TTL deletion
 */
public record TableSpec(String name, Service owner, KeyAttribute partitionKey, KeyAttribute sortKey,
                        List<IndexSpec> indexes, boolean stream, String ttlAttribute) {

    public TableSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(partitionKey, "partitionKey");
        indexes = List.copyOf(indexes);
    }
}

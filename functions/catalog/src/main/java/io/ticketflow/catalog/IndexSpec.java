package io.ticketflow.catalog;

import java.util.Objects;

/** A global secondary index projecting all attributes. {@code sortKey} may be null. */
public record IndexSpec(String name, KeyAttribute partitionKey, KeyAttribute sortKey) {

    public IndexSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
    }
}

package io.ticketflow.catalog;

import java.util.Objects;

/**
 * An SQS queue with its dead-letter queue ({@link #deadLetterQueueName()}).
 *
 * @param maxReceiveCount receives before a message moves to the DLQ
 */
public record QueueSpec(String name, Service owner, int visibilityTimeoutSeconds, int maxReceiveCount) {

    public QueueSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("maxReceiveCount must be >= 1");
        }
    }

    public String deadLetterQueueName() {
        return name + "-dlq";
    }
}

package io.ticketflow.catalog;

/** An SQS event-source mapping with partial batch failure reporting. */
public record QueueSubscription(String queue, String function, int batchSize, int maxBatchingWindowSeconds) {
}

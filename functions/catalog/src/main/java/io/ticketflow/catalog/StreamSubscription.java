package io.ticketflow.catalog;

/**
 * A DynamoDB stream event-source mapping: the table's stream invokes the function.
 *
 * @param failureQueue queue that receives the records of a batch that still fails after
 *                     {@code maxRetryAttempts} (the mapping's on-failure destination)
 */
public record StreamSubscription(String table, String function, int batchSize, int maxRetryAttempts,
                                 String failureQueue) {
}

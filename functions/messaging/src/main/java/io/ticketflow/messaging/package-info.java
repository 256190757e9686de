/**
 * The messaging mechanics every service shares, written once: the transactional outbox ({@link
 * io.ticketflow.messaging.OutboxWriter}) and the event store over it, the stream relay that publishes outbox
 * inserts to SQS, the idempotent SQS consumer with partial batch failures, and the admission view other services
 * build from the waiting queue's events.
 */
package io.ticketflow.messaging;

package io.ticketflow.catalog;

/** What triggers a function; decides which event type it receives. */
public enum FunctionKind {
    /** API Gateway v2 HTTP event in, API Gateway v2 HTTP response out. */
    HTTP,
    /** DynamoDB stream batch in, partial batch failures out. */
    STREAM,
    /** SQS batch in, partial batch failures out. */
    SQS,
    /** Invoked by the schedule. */
    SCHEDULED,
    /** Invoked by the booking saga (Step Functions Task state). */
    SAGA_TASK
}

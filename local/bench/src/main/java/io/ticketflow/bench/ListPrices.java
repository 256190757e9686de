package io.ticketflow.bench;

/**
 * AWS list prices, us-east-1, on-demand, no free tier, as of 2026-11-25. Sources: aws.amazon.com/lambda/pricing
 * (x86), aws.amazon.com/step-functions/pricing (Standard), aws.amazon.com/dynamodb/pricing/on-demand (the rates
 * since the November 2024 reduction; unit rules checked on that page), aws.amazon.com/sqs/pricing (standard queues,
 * past the first million), aws.amazon.com/api-gateway/pricing (HTTP APIs, first 300 million). DynamoDB Streams reads
 * made by a Lambda event-source mapping are free; so are the Step Functions API calls of Standard workflows (they
 * bill transitions).
 */
final class ListPrices {

    static final double LAMBDA_PER_MILLION_REQUESTS = 0.20;
    static final double LAMBDA_PER_GB_SECOND = 0.0000166667;
    static final double STEP_FUNCTIONS_PER_THOUSAND_TRANSITIONS = 0.025;
    static final double DYNAMODB_PER_MILLION_READ_UNITS = 0.125;
    static final double DYNAMODB_PER_MILLION_WRITE_UNITS = 0.625;
    static final double SQS_PER_MILLION_REQUESTS = 0.40;
    static final double HTTP_API_PER_MILLION_REQUESTS = 1.00;

    private ListPrices() {
    }
}

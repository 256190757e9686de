package io.ticketflow.local.stepfunctions;

import java.time.Instant;

/**
 * What DescribeExecution returns. {@code stopDate}, {@code output}, {@code error} and {@code cause} are null
 * until the execution ends (and then only where they apply); input and output are JSON text.
 */
public record ExecutionDescription(String executionArn, String stateMachineArn, String name,
                                   ExecutionStatus status, Instant startDate, Instant stopDate, String input,
                                   String output, String error, String cause) {
}

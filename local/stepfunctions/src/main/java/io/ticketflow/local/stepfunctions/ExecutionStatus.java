package io.ticketflow.local.stepfunctions;

/** The status of an execution, with the AWS names. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED
}

package io.ticketflow.local.stepfunctions;

/** Unwinds a line of work that was cancelled; never a States Language error, so Retry and Catch ignore it. */
final class ExecutionAborted extends RuntimeException {

    ExecutionAborted(String reason) {
        super(reason, null, false, false);
    }
}

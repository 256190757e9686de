package io.ticketflow.local.stepfunctions;

import tools.jackson.databind.JsonNode;

/**
 * Runs a Lambda function in-process for a Task state. The emulator resolves the function name from the Task
 * {@code Resource} ({@code arn:aws:lambda:...:function:NAME}) or from {@code Parameters.FunctionName} of the
 * {@code arn:aws:states:::lambda:invoke[.waitForTaskToken]} integration (a name or an ARN; qualifiers dropped).
 * Calls arrive on emulator threads, possibly several at once.
 */
@FunctionalInterface
public interface TaskInvoker {

    /**
     * @param functionName the bare function name, e.g. {@code AuthorisePayment}
     * @param payload the function's input (a private copy: the invoker may keep or change it)
     * @return the function's result
     * @throws TaskFailure when the function fails; its {@link TaskFailure#error()} is the error name that Retry
     *         and Catch match. Any other exception thrown here is treated like {@link TaskFailure#of(Throwable)}.
     */
    JsonNode invoke(String functionName, JsonNode payload) throws TaskFailure;
}

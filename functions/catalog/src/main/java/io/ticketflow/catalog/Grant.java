package io.ticketflow.catalog;

import java.util.Objects;

/**
 * One thing a function may do to one resource. Each function declares the grants its code needs (its bean, its
 * adapters and the shared mechanics it runs) and the deployment gives it exactly those: a read-only function
 * cannot change a table, and no function touches a table, queue or state machine it does not name.
 *
 * @param access   what it may do
 * @param resource the logical name of the table, queue or state machine; null for the admission pass key
 * @param index    the index of {@code resource} for {@link Access#READ_INDEX}, else null
 */
public record Grant(Access access, String resource, String index) {

    /** What a grant allows; the deployment turns each into the IAM actions that do it and nothing more. */
    public enum Access {
        /** GetItem, BatchGetItem and Query on the table itself (not its indexes). */
        READ,
        /** Every write a (transactional) change makes: put, update, delete and condition check, conditions included. */
        WRITE,
        /** Query on one index of the table. */
        READ_INDEX,
        /** Reading the table's stream: what its stream event source does for the function. */
        READ_STREAM,
        /** Sending messages to the queue (found by name). */
        SEND,
        /** Receiving and deleting messages of the queue: what its SQS event source does for the function. */
        CONSUME,
        /** Starting executions of the state machine. */
        START_EXECUTION,
        /** Resuming a task of the state machine that waits for its task token. */
        SEND_TASK_SUCCESS,
        /** Reading the status of the state machine's executions. */
        DESCRIBE_EXECUTION,
        /** Reading the history of the state machine's executions. */
        READ_EXECUTION_HISTORY,
        /**
         * Relaying an outbox table's stream: reading it and sending to every queue an {@link EventRoute} from it
         * names. {@link Catalogue#grants(String)} resolves it into {@link #READ_STREAM} and {@link #SEND}s.
         */
        RELAY,
        /** Signing admission passes with the pass key. */
        SIGN_ADMISSION_PASS,
        /** Reading the pass key's public key to check admission passes. */
        VERIFY_ADMISSION_PASS
    }

    public Grant {
        Objects.requireNonNull(access, "access");
        boolean onKey = access == Access.SIGN_ADMISSION_PASS || access == Access.VERIFY_ADMISSION_PASS;
        if (onKey != (resource == null)) {
            throw new IllegalArgumentException(access + (onKey ? " names no resource" : " needs a resource"));
        }
        if ((access == Access.READ_INDEX) != (index != null)) {
            throw new IllegalArgumentException("only READ_INDEX names an index: " + access + " " + index);
        }
    }

    public static Grant reads(String table) {
        return new Grant(Access.READ, table, null);
    }

    public static Grant writes(String table) {
        return new Grant(Access.WRITE, table, null);
    }

    public static Grant readsIndex(String table, String index) {
        return new Grant(Access.READ_INDEX, table, index);
    }

    public static Grant readsStream(String table) {
        return new Grant(Access.READ_STREAM, table, null);
    }

    public static Grant sends(String queue) {
        return new Grant(Access.SEND, queue, null);
    }

    public static Grant consumes(String queue) {
        return new Grant(Access.CONSUME, queue, null);
    }

    public static Grant startsExecution(String stateMachine) {
        return new Grant(Access.START_EXECUTION, stateMachine, null);
    }

    public static Grant sendsTaskSuccess(String stateMachine) {
        return new Grant(Access.SEND_TASK_SUCCESS, stateMachine, null);
    }

    public static Grant describesExecution(String stateMachine) {
        return new Grant(Access.DESCRIBE_EXECUTION, stateMachine, null);
    }

    public static Grant readsExecutionHistory(String stateMachine) {
        return new Grant(Access.READ_EXECUTION_HISTORY, stateMachine, null);
    }

    public static Grant relays(String outboxTable) {
        return new Grant(Access.RELAY, outboxTable, null);
    }

    public static Grant signsAdmissionPasses() {
        return new Grant(Access.SIGN_ADMISSION_PASS, null, null);
    }

    public static Grant verifiesAdmissionPasses() {
        return new Grant(Access.VERIFY_ADMISSION_PASS, null, null);
    }

    /** True for the grants on a state machine: the function finds the machine's ARN in its environment. */
    public boolean onStateMachine() {
        return switch (access) {
            case START_EXECUTION, SEND_TASK_SUCCESS, DESCRIBE_EXECUTION, READ_EXECUTION_HISTORY -> true;
            default -> false;
        };
    }
}

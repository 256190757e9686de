package io.ticketflow.local.stepfunctions;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One execution: identity, input, status, history, state-transition count and the cancellation its threads obey.
 * The first {@link #close} wins, so a StopExecution, the execution timeout and the run itself cannot both end it.
 */
final class Execution {

    private final String arn;
    private final String name;
    private final StateMachine machine;
    private final String inputText;
    private final JsonNode input;
    private final Instant startDate;
    private final EventLog history;
    private final ObjectNode contextNode;
    private final AtomicLong transitions = new AtomicLong();
    private final Cancellation cancellation = new Cancellation();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private Instant stopDate;
    private String output;
    private String error;
    private String cause;

    Execution(String arn, String name, StateMachine machine, String inputText, Instant startDate, TimeSource time) {
        this.arn = arn;
        this.name = name;
        this.machine = machine;
        this.inputText = inputText;
        this.input = Json.parse(inputText);
        this.startDate = startDate;
        this.history = new EventLog(time);
        this.contextNode = Json.object().put("Id", arn).put("Name", name).put("RoleArn", machine.roleArn())
                .put("StartTime", ContextObject.iso(startDate));
        contextNode.set("Input", input);
    }

    /**
     * Ends the execution unless it already ended: records the outcome and the closing history event.
     *
     * @return whether this call ended it
     */
    synchronized boolean close(ExecutionStatus outcome, String outputText, String errorName, String errorCause,
                               Instant at, String eventType, String detailsName, ObjectNode details) {
        if (status != ExecutionStatus.RUNNING) {
            return false;
        }
        status = outcome;
        output = outputText;
        error = errorName;
        cause = errorCause;
        stopDate = at;
        history.close(eventType, detailsName, details);
        closed.complete(null);
        return true;
    }

    synchronized ExecutionDescription describe() {
        return new ExecutionDescription(arn, machine.arn(), name, status, startDate, stopDate, inputText, output,
                error, cause);
    }

    synchronized ExecutionStatus status() {
        return status;
    }

    void countTransition() {
        transitions.incrementAndGet();
    }

    long transitions() {
        return transitions.get();
    }

    String arn() {
        return arn;
    }

    StateMachine machine() {
        return machine;
    }

    JsonNode input() {
        return input;
    }

    EventLog history() {
        return history;
    }

    /** The {@code Execution} part of the context object; shared, so never to be modified. */
    ObjectNode contextNode() {
        return contextNode;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    CompletableFuture<Void> closed() {
        return closed;
    }
}

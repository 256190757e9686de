package io.ticketflow.local.stepfunctions;

import tools.jackson.databind.node.ObjectNode;

/**
 * One sequential line of control in an execution: the top level, a Parallel branch or a Map iteration. It knows
 * its cancellation and its latest event, which becomes the {@code previousEventId} of its next event.
 */
final class Strand {

    private final Execution execution;
    private final Cancellation cancellation;
    private long lastEventId;

    Strand(Execution execution, Cancellation cancellation, long lastEventId) {
        this.execution = execution;
        this.cancellation = cancellation;
        this.lastEventId = lastEventId;
    }

    Strand fork(Cancellation childCancellation) {
        return new Strand(execution, childCancellation, lastEventId);
    }

    void emit(String type) {
        emit(type, null, null);
    }

    void emit(String type, String detailsName, ObjectNode details) {
        lastEventId = execution.history().append(lastEventId, type, detailsName, details);
    }

    Execution execution() {
        return execution;
    }

    Cancellation cancellation() {
        return cancellation;
    }
}

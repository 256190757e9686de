package io.ticketflow.local.stepfunctions;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The history of one execution. Appends come from several threads (Parallel branches, Map iterations); once the
 * execution has closed, the log is sealed and late events of still-unwinding threads are dropped.
 */
final class EventLog {

    private final TimeSource time;
    private final List<HistoryEvent> events = new ArrayList<>();
    private boolean sealed;

    EventLog(TimeSource time) {
        this.time = time;
    }

    /** @return the new event's id, or the previous id when the log is sealed */
    synchronized long append(long previousEventId, String type, String detailsName, ObjectNode details) {
        if (sealed) {
            return previousEventId;
        }
        long id = events.size() + 1L;
        events.add(new HistoryEvent(id, previousEventId, time.now(), type, detailsName, details));
        return id;
    }

    /** Appends the closing event (ExecutionSucceeded, ...) after the latest one, and seals the log. */
    synchronized void close(String type, String detailsName, ObjectNode details) {
        append(events.size(), type, detailsName, details);
        sealed = true;
    }

    /** A copy: callers may change the details they get. */
    synchronized List<HistoryEvent> events() {
        return events.stream()
                .map(event -> event.details() == null ? event : new HistoryEvent(event.id(), event.previousEventId(),
                        event.timestamp(), event.type(), event.detailsName(), event.details().deepCopy()))
                .toList();
    }
}

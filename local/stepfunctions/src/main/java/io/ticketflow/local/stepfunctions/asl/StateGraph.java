package io.ticketflow.local.stepfunctions.asl;

import java.util.Map;

/** A {@code StartAt} and its {@code States}: the top level, a Parallel branch or a Map item processor. */
public record StateGraph(String startAt, Map<String, State> states) {

    public State state(String name) {
        return states.get(name);
    }
}

package io.ticketflow.local.stepfunctions;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the context object that {@code $$} paths read. */
final class ContextObject {

    private ContextObject() {
    }

    /** @param taskToken the token of a {@code .waitForTaskToken} task, or null */
    static ObjectNode of(Strand strand, String stateName, Instant enteredTime, int retryCount, String taskToken) {
        Execution execution = strand.execution();
        ObjectNode context = Json.object();
        context.set("Execution", execution.contextNode());
        context.putObject("State").put("EnteredTime", iso(enteredTime)).put("Name", stateName)
                .put("RetryCount", retryCount);
        context.set("StateMachine", execution.machine().contextNode());
        if (taskToken != null) {
            context.putObject("Task").put("Token", taskToken);
        }
        return context;
    }

    /** The context a Map state's ItemSelector sees: its own, plus {@code Map.Item.Index} and {@code Value}. */
    static ObjectNode withMapItem(ObjectNode context, int index, JsonNode value) {
        ObjectNode copy = Json.object().setAll(context);
        copy.putObject("Map").putObject("Item").put("Index", index).set("Value", value);
        return copy;
    }

    /** ISO 8601 with milliseconds, as AWS writes context timestamps. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}

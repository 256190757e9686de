package io.ticketflow.local.stepfunctions;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code *EventDetails} objects of history events, in the AWS shapes. */
final class EventDetails {

    private EventDetails() {
    }

    static ObjectNode executionStarted(JsonNode input, String roleArn) {
        ObjectNode details = Json.object().put("input", Json.write(input));
        details.putObject("inputDetails").put("truncated", false);
        if (roleArn != null) {
            details.put("roleArn", roleArn);
        }
        return details;
    }

    static ObjectNode stateEntered(String name, JsonNode input) {
        ObjectNode details = Json.object().put("name", name).put("input", Json.write(input));
        details.putObject("inputDetails").put("truncated", false);
        return details;
    }

    static ObjectNode stateExited(String name, JsonNode output) {
        ObjectNode details = Json.object().put("name", name).put("output", Json.write(output));
        details.putObject("outputDetails").put("truncated", false);
        return details;
    }

    static ObjectNode output(JsonNode output) {
        ObjectNode details = Json.object().put("output", Json.write(output));
        details.putObject("outputDetails").put("truncated", false);
        return details;
    }

    static ObjectNode failure(String error, String cause) {
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        return details;
    }

    static ObjectNode mapIteration(String name, int index) {
        return Json.object().put("name", name).put("index", index);
    }
}

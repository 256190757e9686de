package io.ticketflow.local.stepfunctions;

import tools.jackson.databind.JsonNode;

/** A state's output and the state to run next; {@code next} is null where the graph ends. */
record Transition(String next, JsonNode output) {
}

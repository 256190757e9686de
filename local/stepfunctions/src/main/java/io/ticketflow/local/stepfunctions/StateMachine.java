package io.ticketflow.local.stepfunctions;

import java.time.Instant;

import io.ticketflow.local.stepfunctions.asl.StateMachineDefinition;
import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** A created state machine: its definition as given and as parsed. */
record StateMachine(String arn, String name, String definitionText, StateMachineDefinition definition,
                    String roleArn, Instant creationDate) {

    StateMachineDescription describe() {
        return new StateMachineDescription(arn, name, definitionText, roleArn, creationDate);
    }

    /** The {@code StateMachine} part of the context object. */
    ObjectNode contextNode() {
        return Json.object().put("Id", arn).put("Name", name);
    }
}

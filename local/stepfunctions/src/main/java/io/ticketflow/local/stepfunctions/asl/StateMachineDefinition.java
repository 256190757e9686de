package io.ticketflow.local.stepfunctions.asl;

/** A parsed and validated state machine; {@code timeoutSeconds} is null when the definition sets none. */
public record StateMachineDefinition(StateGraph graph, Integer timeoutSeconds) {
}

package io.ticketflow.local.stepfunctions.asl;

import java.util.List;

/** A state machine definition that Step Functions would refuse; lists every problem found, with its location. */
public final class InvalidDefinitionException extends RuntimeException {

    private final List<String> problems;

    public InvalidDefinitionException(List<String> problems) {
        super("Invalid State Machine Definition: '" + String.join("', '", problems) + "'");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

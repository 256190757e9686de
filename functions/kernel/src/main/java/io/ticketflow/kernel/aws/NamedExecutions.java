package io.ticketflow.kernel.aws;

import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * A state machine whose executions are named by the id of what they are about (a reservation): a retried start
 * is idempotent, and an execution's ARN follows from the machine's ARN and that id
 * ({@code arn:aws:states:R:A:stateMachine:N} → {@code arn:aws:states:R:A:execution:N:id}), so no table has to
 * remember it.
 */
public final class NamedExecutions {

    private final SfnClient sfn;
    private final String stateMachineArn;

    public NamedExecutions(SfnClient sfn, String stateMachineArn) {
        if (stateMachineArn == null || !stateMachineArn.contains(":stateMachine:")) {
            throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn);
        }
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    /** Starts the execution {@code name}; one started before under that name (a retry) counts as started. */
    public void start(String name, String inputJson) {
        try {
            sfn.startExecution(request -> request.stateMachineArn(stateMachineArn).name(name).input(inputJson));
        } catch (ExecutionAlreadyExistsException startedBefore) {
            // the same start, retried: its execution exists already
        }
    }

    public Optional<DescribeExecutionResponse> describe(String name) {
        try {
            return Optional.of(sfn.describeExecution(request -> request.executionArn(executionArn(name))));
        } catch (ExecutionDoesNotExistException unknown) {
            return Optional.empty();
        }
    }

    public String executionArn(String name) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
    }
}

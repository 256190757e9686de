package io.ticketflow.payment.adapter;

import io.ticketflow.kernel.aws.NamedExecutions;
import io.ticketflow.payment.domain.BookingOutcome;
import io.ticketflow.payment.domain.BookingSaga;
import io.ticketflow.payment.domain.BookingStatus;
import io.ticketflow.payment.domain.ExecutionEvent;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking saga on Step Functions. Executions are named by reservation id, so the execution ARN follows from
 * the state machine's ARN ({@code arn:aws:states:R:A:stateMachine:N} → {@code arn:aws:states:R:A:execution:N:id})
 * and no table has to remember it.
 */
public final class StepFunctionsBookingSaga implements BookingSaga {

    private final SfnClient sfn;
    private final NamedExecutions executions;
    private final NamedExecutions cancellations;
    private final JsonMapper json;

    /** @param cancellationArn the cancellation saga's state machine, whose executions are named by reservation id too */
    public StepFunctionsBookingSaga(SfnClient sfn, String stateMachineArn, String cancellationArn, JsonMapper json) {
        this.sfn = sfn;
        this.executions = new NamedExecutions(sfn, stateMachineArn);
        this.cancellations = new NamedExecutions(sfn, cancellationArn);
        this.json = json;
    }

    @Override
    public boolean resume(String taskToken, ResumeSignal signal) {
        try {
            sfn.sendTaskSuccess(request -> request.taskToken(taskToken).output(json.writeValueAsString(signal)));
            return true;
        } catch (InvalidTokenException | TaskDoesNotExistException | TaskTimedOutException closed) {
            // resumed by an earlier request, or the wait timed out: either way the saga has moved on
            return false;
        }
    }

    @Override
    public Optional<BookingOutcome> outcome(String reservationId) {
        return outcomeOf(executions, reservationId, BookingStatus.CONFIRMED);
    }

    @Override
    public Optional<BookingOutcome> cancellation(String reservationId) {
        return outcomeOf(cancellations, reservationId, BookingStatus.CANCELLED);
    }

    @Override
    public List<ExecutionEvent> history(String reservationId) {
        return historyOf(executions, reservationId);
    }

    @Override
    public List<ExecutionEvent> cancellationHistory(String reservationId) {
        return historyOf(cancellations, reservationId);
    }

    /** @param succeeded what a succeeded execution of this machine means for the booking */
    private Optional<BookingOutcome> outcomeOf(NamedExecutions machine, String reservationId, BookingStatus succeeded) {
        Optional<DescribeExecutionResponse> described = machine.describe(reservationId);
        if (described.isEmpty()) {
            return Optional.empty();
        }
        DescribeExecutionResponse execution = described.get();
        JsonNode input = execution.input() == null ? json.createObjectNode() : json.readTree(execution.input());
        String userId = input.path("userId").isString() ? input.path("userId").asString() : null;
        return Optional.of(switch (execution.status()) {
            case RUNNING, PENDING_REDRIVE -> new BookingOutcome(reservationId, userId, BookingStatus.RUNNING, null, null);
            case SUCCEEDED -> new BookingOutcome(reservationId, userId, succeeded, null, null);
            case TIMED_OUT -> new BookingOutcome(reservationId, userId, BookingStatus.FAILED, "States.Timeout", null);
            case ABORTED -> new BookingOutcome(reservationId, userId, BookingStatus.FAILED, "Aborted", execution.cause());
            default -> new BookingOutcome(reservationId, userId, BookingStatus.FAILED, execution.error(), execution.cause());
        });
    }

    private List<ExecutionEvent> historyOf(NamedExecutions machine, String reservationId) {
        try {
            return sfn.getExecutionHistoryPaginator(request -> request.executionArn(machine.executionArn(reservationId)))
                    .events().stream().map(StepFunctionsBookingSaga::event).toList();
        } catch (ExecutionDoesNotExistException none) {
            return List.of();
        }
    }

    private static ExecutionEvent event(HistoryEvent event) {
        String stateName = event.stateEnteredEventDetails() != null ? event.stateEnteredEventDetails().name()
                : event.stateExitedEventDetails() != null ? event.stateExitedEventDetails().name() : null;
        return new ExecutionEvent(event.typeAsString(), stateName, event.timestamp());
    }
}

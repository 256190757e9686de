package io.ticketflow.reservation.adapter;

import io.ticketflow.reservation.domain.BookingCancellations;
import io.ticketflow.reservation.domain.Reservation;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cancellation saga on Step Functions ({@code booking-cancellation.asl.json}), started with execution name =
 * reservation id and input {@code {reservationId, userId, totalPrice}}.
 */
public final class StepFunctionsBookingCancellations implements BookingCancellations {

    private final SfnClient sfn;
    private final String stateMachineArn;
    private final JsonMapper json;

    public StepFunctionsBookingCancellations(SfnClient sfn, String stateMachineArn, JsonMapper json) {
        if (stateMachineArn == null || !stateMachineArn.contains(":stateMachine:")) {
            throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn);
        }
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
        this.json = json;
    }

    @Override
    public void start(Reservation confirmed) {
        try {
            sfn.startExecution(request -> request.stateMachineArn(stateMachineArn).name(confirmed.reservationId())
                    .input(json.writeValueAsString(input(confirmed))));
        } catch (ExecutionAlreadyExistsException started) {
            // the same cancellation started before (a retry): its execution runs already
        }
    }

    @Override
    public boolean started(String reservationId) {
        String executionArn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + reservationId;
        try {
            sfn.describeExecution(request -> request.executionArn(executionArn));
            return true;
        } catch (ExecutionDoesNotExistException unknown) {
            return false;
        }
    }

    ObjectNode input(Reservation confirmed) {
        return json.createObjectNode()
                .put("reservationId", confirmed.reservationId())
                .put("userId", confirmed.userId())
                .put("totalPrice", confirmed.totalPrice());
    }
}

package io.ticketflow.reservation.adapter;

import io.ticketflow.kernel.aws.NamedExecutions;
import io.ticketflow.reservation.domain.BookingCancellations;
import io.ticketflow.reservation.domain.Reservation;
import software.amazon.awssdk.services.sfn.SfnClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cancellation saga on Step Functions ({@code booking-cancellation.asl.json}), started with execution name =
 * reservation id and input {@code {reservationId, userId, totalPrice}}.
 */
public final class StepFunctionsBookingCancellations implements BookingCancellations {

    private final NamedExecutions executions;
    private final JsonMapper json;

    public StepFunctionsBookingCancellations(SfnClient sfn, String stateMachineArn, JsonMapper json) {
        this.executions = new NamedExecutions(sfn, stateMachineArn);
        this.json = json;
    }

    @Override
    public void start(Reservation confirmed) {
        executions.start(confirmed.reservationId(), json.writeValueAsString(input(confirmed)));
    }

    @Override
    public boolean started(String reservationId) {
        return executions.describe(reservationId).isPresent();
    }

    ObjectNode input(Reservation confirmed) {
        return json.createObjectNode()
                .put("reservationId", confirmed.reservationId())
                .put("userId", confirmed.userId())
                .put("totalPrice", confirmed.totalPrice());
    }
}

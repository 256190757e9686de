package io.ticketflow.reservation.adapter;

import io.ticketflow.kernel.aws.NamedExecutions;
import io.ticketflow.reservation.domain.BookingSagas;
import io.ticketflow.reservation.domain.Reservation;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sfn.SfnClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The booking saga on Step Functions, started with what every step needs: the reservation, its owner, price and
 * queue token, and the hold time left as the payment wait's timeout.
 */
public final class StepFunctionsBookingSagas implements BookingSagas {

    private final NamedExecutions executions;
    private final JsonMapper json;
    private final Clock clock;

    public StepFunctionsBookingSagas(SfnClient sfn, String stateMachineArn, JsonMapper json, Clock clock) {
        this.executions = new NamedExecutions(sfn, stateMachineArn);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void start(Reservation pending) {
        executions.start(pending.reservationId(), json.writeValueAsString(input(pending)));
    }

    ObjectNode input(Reservation pending) {
        ObjectNode input = json.createObjectNode()
                .put("reservationId", pending.reservationId())
                .put("userId", pending.userId())
                .put("concertId", pending.concertId())
                .put("scheduleId", pending.scheduleId());
        ArrayNode seatNos = input.putArray("seatNos");
        pending.seatNos().forEach(seatNos::add);
        // the smallest task timeout Step Functions accepts is 1 s
        long holdSeconds = Math.max(1, Duration.between(clock.instant(), pending.expiresAt()).toSeconds());
        return input.put("totalPrice", pending.totalPrice())
                .put("queueToken", pending.queueToken())
                .put("holdSeconds", holdSeconds);
    }
}

package io.ticketflow.reservation;

import static io.ticketflow.kernel.testing.LambdaInvocations.PROXY_MEMBERS;
import static io.ticketflow.kernel.testing.LambdaInvocations.lambdaEnvironment;
import static io.ticketflow.kernel.testing.LambdaInvocations.resource;
import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.testing.LambdaInvocations;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contract test: recorded API Gateway events for {@code holdSeats} and {@code cancelBooking} and a schedule tick for
 * {@code expireHolds} through Spring Cloud Function's {@link FunctionInvoker}, the path Lambda (and the local runtime) take, with
 * {@link ReservationFunctions} as the start class and moto behind it.
 */
@ExtendWith(MotoExtension.class)
class ReservationFunctionsContractIT {

    private static final LambdaInvocations LAMBDA = new LambdaInvocations();
    private static final String RECORDED_HOLD = "apigw-v2-hold-seats.json";

    private static ReservationFixture fixture;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        fixture = ReservationFixture.start(endpoint, Map.of());
        // what the Lambda environment would carry
        lambdaEnvironment(ReservationFunctions.class, fixture.aws.settings());
        fixture.sagaSettings().forEach(System::setProperty);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void recordedHoldSeatsEvent_returns201ProxyResponseWithReservation_thenTheSameEventAgainIs409Problem() throws IOException {
        // the recorded event's caller and token (user-42, qt-6f1d2c9e8b7a, concert-1), with a pass the queue's key signed
        ObjectNode event = (ObjectNode) fixture.json.readTree(resource(RECORDED_HOLD));
        ((ObjectNode) event.get("headers")).put("x-admission-pass",
                LambdaInvocations.PASSES.issue("user-42", ReservationFixture.CONCERT, "qt-6f1d2c9e8b7a"));
        byte[] recorded = fixture.json.writeValueAsBytes(event);

        JsonNode first = LAMBDA.invoke(ReservationResources.HOLD_SEATS, recorded);
        JsonNode second = LAMBDA.invoke(ReservationResources.HOLD_SEATS, recorded);

        assertThat(first.propertyNames()).containsExactlyElementsOf(PROXY_MEMBERS);
        assertThat(first.get("statusCode").intValue()).isEqualTo(201);
        assertThat(first.get("headers").get("content-type").stringValue()).isEqualTo("application/json");
        JsonNode reservation = LAMBDA.body(first);
        assertThat(reservation.propertyNames()).containsExactly(
                "reservationId", "status", "concertId", "scheduleId", "seats", "totalPrice", "expiresAt");
        assertThat(first.get("headers").get("location").stringValue())
                .isEqualTo("/reservations/" + reservation.get("reservationId").stringValue());
        assertThat(reservation.get("status").stringValue()).isEqualTo("PENDING");
        assertThat(reservation.get("scheduleId").stringValue()).isEqualTo("schedule-1-1");
        assertThat(reservation.get("seats").toString())
                .isEqualTo("[{\"seatNo\":7,\"grade\":\"VIP\",\"price\":150},{\"seatNo\":8,\"grade\":\"VIP\",\"price\":150}]");
        assertThat(reservation.get("totalPrice").intValue()).isEqualTo(300);
        assertThat(Instant.parse(reservation.get("expiresAt").stringValue())).isAfter(Instant.now().plusSeconds(250));
        // the same token holding again: its first hold is still pending, and the answer names it
        assertProblem(second, 409, "hold-already-pending");
        assertThat(LAMBDA.body(second).get("detail").stringValue()).contains(reservation.get("reservationId").stringValue());
        assertThat(fixture.eventsValidated(EventTypes.RESERVATION_CREATED)).hasSize(1);
    }

    @Test
    void recordedCancelBookingEvent_withoutQueueToken_ofAnUnknownReservation_is404Problem() throws IOException {
        JsonNode response = LAMBDA.invoke(ReservationResources.CANCEL_BOOKING, resource("apigw-v2-cancel-booking.json"));

        assertThat(response.propertyNames()).containsExactlyElementsOf(PROXY_MEMBERS);
        assertProblem(response, 404, "reservation-not-found");
    }

    @Test
    void scheduleTick_throughTheInvoker_reportsTheSweep() throws IOException {
        JsonNode report = LAMBDA.invoke(ReservationResources.EXPIRE_HOLDS, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(report.toString()).isEqualTo("{\"expired\":0,\"skipped\":0}");
    }

    @Test
    void reservationEventsRelay_recordedOutboxInsert_sendsTheEventToEveryRoutedQueue() throws IOException {
        List<String> routed = Catalogue.queuesFor(ReservationResources.EVENTS_TABLE, EventTypes.RESERVATION_CREATED);
        // the routed queues are the consumers' (the Concert projection's); here they only need to exist
        List<String> urls = routed.stream().map(queue -> fixture.aws.sqs()
                .createQueue(r -> r.queueName(fixture.aws.settings().physicalName(queue))).queueUrl()).toList();

        JsonNode response = LAMBDA.invoke(ReservationResources.EVENTS_RELAY, resource("dynamodb-stream-reservation-created.json"));

        assertThat(response.get("batchItemFailures")).isEmpty();
        assertThat(routed).isNotEmpty();
        for (String url : urls) {
            assertThat(fixture.aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()).singleElement().satisfies(message -> {
                        JsonNode event = fixture.json.readTree(message.body());
                        assertThat(event.get("eventId").stringValue()).isEqualTo("3b9f6c2a-8d41-4e7a-9c05-1f2e3d4c5b6a");
                        assertThat(event.get("payload").get("totalPrice").intValue()).isEqualTo(300);
                    });
        }
    }
}

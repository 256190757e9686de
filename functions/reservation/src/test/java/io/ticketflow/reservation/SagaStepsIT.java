package io.ticketflow.reservation;

import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static io.ticketflow.reservation.ReservationFixture.CONCERT;
import static io.ticketflow.reservation.ReservationFixture.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.saga.ReservationNotPending;
import io.ticketflow.reservation.domain.SeatLock;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The steps the booking saga calls on Reservation, as task functions with plain JSON in and out. */
@ExtendWith(MotoExtension.class)
class SagaStepsIT {

    private static final Duration PAST_THE_HOLD = Duration.ofMinutes(5).plusSeconds(1);

    private final ShiftableClock clock = new ShiftableClock();
    private ReservationFixture fixture;

    @BeforeEach
    void start(EmulatorEndpoint endpoint) {
        fixture = ReservationFixture.start(endpoint, Map.of(), clock);
        fixture.admit(Map.of("user-buyer", "qt-buyer", "user-other", "qt-other"), CONCERT, Instant.now().plus(Duration.ofDays(2)));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void confirm_pendingHold_sellsItsSeatsForGood_andEmitsConfirmedOnce_evenWhenRetried() {
        String id = hold(7, 8);

        JsonNode first = confirm(id);
        JsonNode retried = confirm(id);
        clock.advance(Duration.ofDays(1));
        JsonNode lateHold = fixture.hold("user-other", "qt-other", SCHEDULE, 8);

        assertThat(first.toString()).isEqualTo("{\"reservationId\":\"" + id + "\",\"status\":\"CONFIRMED\",\"changed\":true}");
        assertThat(retried.get("changed").booleanValue()).isFalse();
        assertThat(fixture.adapter().seatLocks(SCHEDULE)).extracting(SeatLock::status)
                .containsExactly(SeatLock.Status.SOLD, SeatLock.Status.SOLD);
        assertProblem(lateHold, 409, "seat-unavailable");
        assertThat(fixture.eventsValidated(EventTypes.RESERVATION_CONFIRMED)).singleElement().satisfies(event ->
                assertThat(event.payload().get("paymentId").stringValue()).isEqualTo("pay-1"));
        assertThat(fixture.sweep().expired()).isZero();
    }

    @Test
    void confirm_afterTheHoldEnded_failsWithReservationNotPending_andWritesNothing() {
        String id = hold(9);
        clock.advance(PAST_THE_HOLD);
        Map<String, Integer> before = fixture.writableCounts();

        assertThatThrownBy(() -> confirm(id)).isInstanceOf(ReservationNotPending.class).hasMessageContaining("EXPIRED");
        assertThat(fixture.writableCounts()).isEqualTo(before);
    }

    @Test
    void releaseSeats_cancelledOutcome_freesTheSeatsWithTheSagasReason_andARetryHasNothingToUndo() {
        String id = hold(10, 11);

        JsonNode released = release(id, "CANCELLED", "PAYMENT_FAILED");
        JsonNode retried = release(id, "CANCELLED", "PAYMENT_FAILED");

        assertThat(released.get("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(released.get("changed").booleanValue()).isTrue();
        assertThat(retried.get("changed").booleanValue()).isFalse();
        assertThat(fixture.adapter().seatLocks(SCHEDULE)).isEmpty();
        assertThat(fixture.eventsValidated(EventTypes.RESERVATION_CANCELLED)).singleElement().satisfies(event ->
                assertThat(event.payload().get("reason").stringValue()).isEqualTo("PAYMENT_FAILED"));
    }

    @Test
    void releaseSeats_expiredOutcome_afterTheEnd_expiresOnce_evenWhenTheSweeperRunsToo() {
        String id = hold(12);
        clock.advance(PAST_THE_HOLD);

        JsonNode released = release(id, "EXPIRED", "HOLD_EXPIRED");
        int swept = fixture.sweep().expired();

        assertThat(released.get("status").stringValue()).isEqualTo("EXPIRED");
        assertThat(swept).isZero();
        assertThat(fixture.eventsValidated(EventTypes.RESERVATION_EXPIRED)).singleElement()
                .satisfies(event -> assertThat(event.aggregateId()).isEqualTo(id));
    }

    @Test
    void releaseSeats_ofAnUnknownReservation_succeedsWithNothingToUndo() {
        JsonNode released = release("never-held", "CANCELLED", "PAYMENT_FAILED");

        assertThat(released.get("changed").booleanValue()).isFalse();
        assertThat(fixture.eventsValidated()).isEmpty();
    }

    @Test
    void reportStuckBooking_putsTheBookingOnTheOperatorsQueue() {
        JsonNode step = fixture.json.createObjectNode().put("reservationId", "r-stuck")
                .put("executionArn", "arn:aws:states:us-east-1:123456789012:execution:booking:r-stuck")
                .set("failure", fixture.json.createObjectNode().put("Error", "States.TaskFailed"));

        JsonNode reported = fixture.invoke(ReservationResources.REPORT_STUCK_BOOKING, step);

        String url = fixture.aws.sqs().getQueueUrl(r -> r.queueName(
                fixture.aws.settings().physicalName(ReservationResources.COMPENSATION_FAILURES_QUEUE))).queueUrl();
        assertThat(fixture.aws.sqs().receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages())
                .singleElement().satisfies(message -> {
                    assertThat(message.messageId()).isEqualTo(reported.get("messageId").stringValue());
                    JsonNode body = fixture.json.readTree(message.body());
                    assertThat(body.get("reservationId").stringValue()).isEqualTo("r-stuck");
                    assertThat(body.get("failure").get("Error").stringValue()).isEqualTo("States.TaskFailed");
                });
    }

    @Test
    void reportStuckBooking_deliveredTwice_putsOneReportOnTheOperatorsQueue_andAnswersItsIdBothTimes() {
        String id = hold(13);
        JsonNode step = fixture.json.createObjectNode().put("reservationId", id)
                .put("executionArn", "arn:aws:states:us-east-1:123456789012:execution:booking:" + id)
                .set("failure", fixture.json.createObjectNode().put("Error", "States.TaskFailed"));

        JsonNode first = fixture.invoke(ReservationResources.REPORT_STUCK_BOOKING, step);
        JsonNode again = fixture.invoke(ReservationResources.REPORT_STUCK_BOOKING, step);

        assertThat(again).isEqualTo(first);
        String url = fixture.aws.sqs().getQueueUrl(r -> r.queueName(
                fixture.aws.settings().physicalName(ReservationResources.COMPENSATION_FAILURES_QUEUE))).queueUrl();
        assertThat(fixture.aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()).singleElement().satisfies(message ->
                        assertThat(message.messageId()).isEqualTo(first.get("messageId").stringValue()));
    }

    private String hold(Integer... seatNos) {
        JsonNode response = fixture.hold("user-buyer", "qt-buyer", SCHEDULE, seatNos);
        assertThat(response.get("statusCode").intValue()).as(response.toString()).isEqualTo(201);
        return fixture.body(response).get("reservationId").stringValue();
    }

    private JsonNode confirm(String reservationId) {
        return fixture.invoke(ReservationResources.CONFIRM_RESERVATION, fixture.json.createObjectNode()
                .put("reservationId", reservationId).put("paymentId", "pay-1")
                .set("payment", fixture.json.createObjectNode().put("paymentId", "pay-1")));
    }

    private JsonNode release(String reservationId, String outcome, String reason) {
        return fixture.invoke(ReservationResources.RELEASE_SEATS, fixture.json.createObjectNode()
                .put("reservationId", reservationId).put("outcome", outcome).put("reason", reason));
    }
}

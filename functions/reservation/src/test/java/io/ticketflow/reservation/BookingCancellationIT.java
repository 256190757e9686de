package io.ticketflow.reservation;

import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static io.ticketflow.reservation.ReservationFixture.CONCERT;
import static io.ticketflow.reservation.ReservationFixture.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.messaging.FreshAccount;
import io.ticketflow.reservation.domain.ReservationStatus;
import io.ticketflow.reservation.domain.SeatLock;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import tools.jackson.databind.JsonNode;

/**
 * Cancelling a confirmed booking: {@code cancelBooking} starts the cancellation saga (refusing what is not the
 * caller's confirmed booking), and {@code releaseSeats} with reason BOOKING_CANCELLED gives the sold seats back.
 */
@ExtendWith(MotoExtension.class)
class BookingCancellationIT {

    private static AwsClients sfnAccount;
    private static String stateMachineArn;
    private static ReservationFixture fixture;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        sfnAccount = FreshAccount.clients(endpoint);
        stateMachineArn = ReservationFixture.standInStateMachine(sfnAccount, "booking-cancellation");
        // the buyer books seat after seat here; the cap per user has tests of its own (FairAllocationIT)
        fixture = ReservationFixture.start(endpoint, Map.of(ReservationSettings.BOOKING_CANCELLATION_ARN, stateMachineArn,
                ReservationSettings.SEATS_PER_USER, "50"));
        fixture.admit(Map.of("user-buyer", "qt-buyer", "user-other", "qt-other"), CONCERT,
                java.time.Instant.now().plusSeconds(3600));
    }

    @AfterAll
    static void close() {
        fixture.close();
        sfnAccount.close();
    }

    @Test
    void cancelBooking_confirmedBooking_startsTheCancellationSagaOnce_andAnswers202WithTheBookingsLocation() {
        String id = confirmed(21, 22);

        JsonNode first = fixture.cancelBooking("user-buyer", id);
        JsonNode repeated = fixture.cancelBooking("user-buyer", id);

        assertThat(first.get("statusCode").intValue()).as(first.toString()).isEqualTo(202);
        assertThat(first.get("headers").get("location").stringValue()).isEqualTo("/bookings/" + id);
        assertThat(fixture.body(first).get("status").stringValue()).isEqualTo("CANCELLING");
        assertThat(repeated.get("statusCode").intValue()).as(repeated.toString()).isEqualTo(202);
        assertThat(executionsOf(id)).singleElement().satisfies(execution -> {
            JsonNode input = fixture.json.readTree(sfnAccount.sfn()
                    .describeExecution(r -> r.executionArn(execution.executionArn())).input());
            assertThat(input.get("reservationId").stringValue()).isEqualTo(id);
            assertThat(input.get("userId").stringValue()).isEqualTo("user-buyer");
            assertThat(input.get("totalPrice").intValue()).isEqualTo(180);
        });

        // the saga's last step, then a late repeat: still accepted, nothing started twice
        release(id, "BOOKING_CANCELLED");
        JsonNode afterTheSaga = fixture.cancelBooking("user-buyer", id);
        assertThat(afterTheSaga.get("statusCode").intValue()).as(afterTheSaga.toString()).isEqualTo(202);
        assertThat(executionsOf(id)).hasSize(1);
    }

    @Test
    void cancelBooking_ofAPendingHold_isRefusedAsNotConfirmed_andStartsNothing() {
        String id = hold(23);

        assertProblem(fixture.cancelBooking("user-buyer", id), 409, "reservation-not-confirmed");
        assertThat(executionsOf(id)).isEmpty();
    }

    @Test
    void cancelBooking_ofAnotherUsersOrAnUnknownReservation_isNotFound() {
        String id = confirmed(24);

        assertProblem(fixture.cancelBooking("user-other", id), 404, "reservation-not-found");
        assertProblem(fixture.cancelBooking("user-buyer", "never-held"), 404, "reservation-not-found");
        assertThat(executionsOf(id)).isEmpty();
    }

    @Test
    void cancelBooking_ofAUserCancelledHold_isRefusedAsNotConfirmed() {
        String id = hold(25);
        assertThat(fixture.cancel("user-buyer", "qt-buyer", id).get("statusCode").intValue()).isEqualTo(200);

        assertProblem(fixture.cancelBooking("user-buyer", id), 409, "reservation-not-confirmed");
        assertThat(executionsOf(id)).isEmpty();
    }

    @Test
    void cancelBooking_lessThanADayBeforeTheShow_isRefusedAsClosed_andStartsNothing() {
        fixture.publishWithSeats("concert-soon", 20, java.time.Instant.now().plus(java.time.Duration.ofHours(2)),
                "schedule-soon");
        JsonNode held = fixture.holdWithNewToken("user-buyer", "concert-soon", "schedule-soon", 11);
        String id = confirm(fixture.body(held).get("reservationId").stringValue());

        JsonNode refused = fixture.cancelBooking("user-buyer", id);

        assertProblem(refused, 409, "cancellation-closed");
        assertThat(fixture.body(refused).get("detail").stringValue()).contains("24 h before the start");
        assertThat(executionsOf(id)).isEmpty();
        assertThat(fixture.repository().find(id)).hasValueSatisfying(reservation ->
                assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED));
    }

    @Test
    void releaseSeats_bookingCancelled_onAConfirmedReservation_freesItsSoldSeats_andEmitsCancelledOnce() {
        String id = confirmed(30, 31);

        JsonNode released = release(id, "BOOKING_CANCELLED");
        JsonNode retried = release(id, "BOOKING_CANCELLED");

        assertThat(released.toString()).isEqualTo("{\"reservationId\":\"" + id + "\",\"status\":\"CANCELLED\",\"changed\":true}");
        assertThat(retried.get("changed").booleanValue()).isFalse();
        assertThat(fixture.repository().find(id)).hasValueSatisfying(reservation ->
                assertThat(reservation.status()).isEqualTo(ReservationStatus.CANCELLED));
        assertThat(fixture.adapter().seatLocks(SCHEDULE)).extracting(SeatLock::reservationId).doesNotContain(id);
        assertThat(fixture.eventsValidated(EventTypes.RESERVATION_CANCELLED))
                .filteredOn(event -> event.aggregateId().equals(id))
                .singleElement().satisfies(event ->
                        assertThat(event.payload().get("reason").stringValue()).isEqualTo("BOOKING_CANCELLED"));
        // the seats can be held again at once
        assertThat(fixture.hold("user-other", "qt-other", SCHEDULE, 30, 31).get("statusCode").intValue()).isEqualTo(201);
    }

    @Test
    void releaseSeats_otherReason_onAConfirmedReservation_hasNothingToUndo() {
        String id = confirmed(32);

        JsonNode released = release(id, "PAYMENT_FAILED");

        assertThat(released.get("changed").booleanValue()).isFalse();
        assertThat(released.get("status").stringValue()).isEqualTo("CONFIRMED");
        assertThat(fixture.adapter().seatLocks(SCHEDULE)).filteredOn(lock -> lock.seatNo() == 32)
                .singleElement().satisfies(lock -> assertThat(lock.status()).isEqualTo(SeatLock.Status.SOLD));
    }

    private java.util.List<ExecutionListItem> executionsOf(String reservationId) {
        return sfnAccount.sfn().listExecutions(r -> r.stateMachineArn(stateMachineArn)).executions().stream()
                .filter(execution -> execution.name().equals(reservationId)).toList();
    }

    private String hold(Integer... seatNos) {
        JsonNode response = fixture.holdWithNewToken("user-buyer", CONCERT, SCHEDULE, seatNos);
        assertThat(response.get("statusCode").intValue()).as(response.toString()).isEqualTo(201);
        return fixture.body(response).get("reservationId").stringValue();
    }

    private String confirmed(Integer... seatNos) {
        return confirm(hold(seatNos));
    }

    private String confirm(String id) {
        JsonNode confirmed = fixture.invoke(ReservationResources.CONFIRM_RESERVATION, fixture.json.createObjectNode()
                .put("reservationId", id).put("paymentId", "pay-" + id)
                .set("payment", fixture.json.createObjectNode().put("paymentId", "pay-" + id)));
        assertThat(confirmed.get("status").stringValue()).as(confirmed.toString()).isEqualTo("CONFIRMED");
        return id;
    }

    private JsonNode release(String reservationId, String reason) {
        return fixture.invoke(ReservationResources.RELEASE_SEATS, fixture.json.createObjectNode()
                .put("reservationId", reservationId).put("outcome", "CANCELLED").put("reason", reason));
    }
}

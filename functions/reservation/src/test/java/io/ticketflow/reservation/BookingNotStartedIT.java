package io.ticketflow.reservation;

import static io.ticketflow.reservation.ReservationFixture.CONCERT;
import static io.ticketflow.reservation.ReservationFixture.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.messaging.FreshAccount;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationStatus;
import io.ticketflow.reservation.domain.SeatLock;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * A hold whose booking saga cannot be started (here: its state machine was deleted) could never be paid, so it must
 * not exist: the hold is undone in the same call, and the fan is told to try again.
 */
@ExtendWith(MotoExtension.class)
class BookingNotStartedIT {

    private static EmulatorEndpoint emulator;
    private static ReservationFixture fixture;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        emulator = endpoint;
        try (AwsClients sfnAccount = FreshAccount.clients(endpoint)) {
            String deleted = ReservationFixture.standInStateMachine(sfnAccount, "booking-saga");
            sfnAccount.sfn().deleteStateMachine(r -> r.stateMachineArn(deleted));
            fixture = ReservationFixture.start(endpoint, Map.of(ReservationSettings.BOOKING_SAGA_ARN, deleted));
        }
        fixture.admit("user-unlucky", "qt-unlucky", CONCERT);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void sagaStartFailing_answers503BookingNotStartedWithRetryAfter_andLeavesNoHeldSeatNorPendingReservation() {
        JsonNode response = fixture.hold("user-unlucky", "qt-unlucky", SCHEDULE, 3, 4);

        assertThat(response.get("statusCode").intValue()).isEqualTo(503);
        assertThat(response.get("headers").get("content-type").stringValue()).isEqualTo("application/problem+json");
        assertThat(response.get("headers").get("retry-after").stringValue()).isEqualTo("5");
        assertThat(fixture.body(response).get("type").stringValue())
                .isEqualTo("https://ticketflow.dev/problems/booking-not-started");

        // read back from the tables: the seats are free and the reservation is not PENDING
        assertThat(fixture.repository().seatLocks(SCHEDULE)).isEmpty();
        assertThat(fixture.count(ReservationResources.SEAT_LOCKS_TABLE)).isZero();
        assertThat(fixture.repository().pending(100)).isEmpty();
        List<EventEnvelope> cancelled = fixture.eventsValidated(EventTypes.RESERVATION_CANCELLED);
        assertThat(cancelled).singleElement().satisfies(event -> {
            assertThat(event.payload().get("reason").stringValue()).isEqualTo("BOOKING_NOT_STARTED");
            assertThat(event.payload().get("seatNos").toString()).isEqualTo("[3,4]");
            Reservation undone = fixture.repository().find(event.aggregateId()).orElseThrow();
            assertThat(undone.status()).isEqualTo(ReservationStatus.CANCELLED);
        });
    }

    @Test
    void undoFailingToo_answers500_andTheHoldLapsesToTheSweeper() {
        ShiftableClock clock = new ShiftableClock();
        try (ReservationFixture racing = ReservationFixture.start(emulator, Map.of(), clock, f -> pending -> {
            // another writer changes the new reservation first, so the undo finds it changed; then the start fails
            f.aws.dynamoDb().updateItem(r -> r.tableName(f.aws.settings().physicalName(ReservationResources.RESERVATIONS_TABLE))
                    .key(Map.of("reservationId", AttributeValue.fromS(pending.reservationId())))
                    .updateExpression("ADD #version :one")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            throw new IllegalStateException("StartExecution refused");
        })) {
            racing.admit("user-stuck", "qt-stuck", CONCERT);

            JsonNode response = racing.hold("user-stuck", "qt-stuck", SCHEDULE, 7);

            assertThat(response.get("statusCode").intValue()).isEqualTo(500);
            assertThat(racing.body(response).get("type").stringValue()).isEqualTo("https://ticketflow.dev/problems/internal");
            List<Reservation> pending = racing.repository().pending(10);
            assertThat(pending).as("the hold stays PENDING until it lapses").hasSize(1);
            Reservation stuck = pending.get(0);
            assertThat(racing.repository().seatLocks(SCHEDULE)).extracting(SeatLock::reservationId)
                    .containsExactly(stuck.reservationId());

            clock.advance(Duration.ofMinutes(6));
            racing.sweep();

            assertThat(racing.repository().seatLocks(SCHEDULE)).isEmpty();
            assertThat(racing.repository().find(stuck.reservationId()).orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
        }
    }
}

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
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A hold whose booking saga cannot be started (here: its state machine was deleted) could never be paid, so it must
 * not exist: the hold is undone in the same call, and the fan is told to try again.
 */
@ExtendWith(MotoExtension.class)
class BookingNotStartedIT {

    private static ReservationFixture fixture;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
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
}

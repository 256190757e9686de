package io.ticketflow.reservation;

import static io.ticketflow.reservation.ReservationFixture.CONCERT;
import static io.ticketflow.reservation.ReservationFixture.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.messaging.FreshAccount;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** A new hold starts its booking saga, named by the reservation; PENDING bookings can be listed to restart lost ones. */
@ExtendWith(MotoExtension.class)
class BookingSagaStartIT {

    private static AwsClients sfnAccount;
    private static String stateMachineArn;
    private static ReservationFixture fixture;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        sfnAccount = FreshAccount.clients(endpoint);
        stateMachineArn = ReservationFixture.standInStateMachine(sfnAccount, "booking-saga");
        fixture = ReservationFixture.start(endpoint, Map.of(ReservationSettings.BOOKING_SAGA_ARN, stateMachineArn));
        fixture.admit("user-saga", "qt-saga", CONCERT);
    }

    @AfterAll
    static void close() {
        fixture.close();
        sfnAccount.close();
    }

    @Test
    void hold_startsTheBookingSagaNamedByTheReservation_withWhatEveryStepNeeds() {
        JsonNode reservation = fixture.body(fixture.hold("user-saga", "qt-saga", SCHEDULE, 2, 15));
        String id = reservation.get("reservationId").stringValue();

        String executionArn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + id;
        JsonNode input = fixture.json.readTree(sfnAccount.sfn().describeExecution(r -> r.executionArn(executionArn)).input());

        assertThat(input.get("reservationId").stringValue()).isEqualTo(id);
        assertThat(input.get("userId").stringValue()).isEqualTo("user-saga");
        assertThat(input.get("concertId").stringValue()).isEqualTo(CONCERT);
        assertThat(input.get("scheduleId").stringValue()).isEqualTo(SCHEDULE);
        assertThat(input.get("seatNos").toString()).isEqualTo("[2,15]");
        assertThat(input.get("totalPrice").intValue()).isEqualTo(240);
        assertThat(input.get("queueToken").stringValue()).isEqualTo("qt-saga");
        assertThat(input.get("holdSeconds").intValue()).isBetween(290, 300);
    }

    @Test
    void pendingBookings_listsPendingHoldsWithTheirSagaInput_butNotCancelledOnes() {
        fixture.admit("user-kept", "qt-kept", CONCERT);
        fixture.admit("user-cancelled", "qt-cancelled", CONCERT);
        String kept = fixture.body(fixture.hold("user-kept", "qt-kept", SCHEDULE, 30)).get("reservationId").stringValue();
        String cancelled = fixture.body(fixture.hold("user-cancelled", "qt-cancelled", SCHEDULE, 31))
                .get("reservationId").stringValue();
        fixture.cancel("user-cancelled", "qt-cancelled", cancelled);

        JsonNode pending = fixture.invoke(ReservationFunctions.PENDING_BOOKINGS, fixture.json.createObjectNode());

        assertThat(pending.get("bookings").findValuesAsString("reservationId")).contains(kept).doesNotContain(cancelled);
        JsonNode booking = pending.get("bookings").valueStream()
                .filter(b -> b.get("reservationId").stringValue().equals(kept)).findFirst().orElseThrow();
        assertThat(booking.get("queueToken").stringValue()).isEqualTo("qt-kept");
        assertThat(booking.get("seatNos").toString()).isEqualTo("[30]");
        assertThat(booking.get("expiresAt").stringValue()).isNotBlank();
    }
}

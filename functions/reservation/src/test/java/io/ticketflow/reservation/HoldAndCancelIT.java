package io.ticketflow.reservation;

import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static io.ticketflow.reservation.ReservationFixture.CONCERT;
import static io.ticketflow.reservation.ReservationFixture.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.events.EventTypes;
import io.ticketflow.reservation.domain.SeatLock;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Hold, read and cancel through the real functions, adapters and tables. */
@ExtendWith(MotoExtension.class)
class HoldAndCancelIT {

    private static ReservationFixture fixture;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        fixture = ReservationFixture.start(endpoint, Map.of());
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void hold_twoSeatsWithActiveToken_returns201PendingReservationWithPricesAndLocation() {
        fixture.admit("user-hold", "qt-hold", CONCERT);

        JsonNode response = fixture.hold("user-hold", "qt-hold", SCHEDULE, 9, 11);

        assertThat(response.get("statusCode").intValue()).isEqualTo(201);
        JsonNode reservation = fixture.body(response);
        String id = reservation.get("reservationId").stringValue();
        assertThat(response.get("headers").get("location").stringValue()).isEqualTo("/reservations/" + id);
        assertThat(reservation.get("status").stringValue()).isEqualTo("PENDING");
        assertThat(reservation.get("concertId").stringValue()).isEqualTo(CONCERT);
        assertThat(reservation.get("totalPrice").intValue()).isEqualTo(150 + 90);
        assertThat(reservation.get("seats").get(0).get("grade").stringValue()).isEqualTo("VIP");
        assertThat(reservation.get("seats").get(1).get("grade").stringValue()).isEqualTo("R");
        assertThat(reservation.get("expiresAt").stringValue()).isNotBlank();
        assertThat(fixture.adapter().seatLocks(SCHEDULE)).filteredOn(lock -> lock.reservationId().equals(id))
                .extracting(SeatLock::seatNo).containsExactly(9, 11);
        assertThat(fixture.eventsValidated(EventTypes.RESERVATION_CREATED)).filteredOn(e -> e.aggregateId().equals(id))
                .singleElement().satisfies(event -> {
                    assertThat(event.sequence()).isEqualTo(1);
                    assertThat(event.payload().get("queueToken").stringValue()).isEqualTo("qt-hold");
                    assertThat(event.payload().get("totalPrice").intValue()).isEqualTo(240);
                });
    }

    @Test
    void get_ownReservation_returnsIt_anotherUsersReservation_returns404() {
        fixture.admit("user-get", "qt-get", CONCERT);
        fixture.admit("user-snoop", "qt-snoop", CONCERT);
        String id = fixture.body(fixture.hold("user-get", "qt-get", SCHEDULE, 12)).get("reservationId").stringValue();

        JsonNode own = fixture.get("user-get", "qt-get", id);
        JsonNode stranger = fixture.get("user-snoop", "qt-snoop", id);
        JsonNode unknown = fixture.get("user-get", "qt-get", "no-such-reservation");

        assertThat(own.get("statusCode").intValue()).isEqualTo(200);
        assertThat(fixture.body(own).get("status").stringValue()).isEqualTo("PENDING");
        assertThat(fixture.body(own).get("seats").get(0).get("seatNo").intValue()).isEqualTo(12);
        assertProblem(stranger, 404, "reservation-not-found");
        assertProblem(unknown, 404, "reservation-not-found");
    }

    @Test
    void cancel_pendingReservation_freesItsSeatsAtOnce_emitsCancelledOnce_andASecondCancelIs409() {
        fixture.admit("user-cancel", "qt-cancel", CONCERT);
        fixture.admit("user-next", "qt-next", CONCERT);
        String id = fixture.body(fixture.hold("user-cancel", "qt-cancel", SCHEDULE, 13, 14)).get("reservationId").stringValue();

        JsonNode cancelled = fixture.cancel("user-cancel", "qt-cancel", id);
        JsonNode again = fixture.cancel("user-cancel", "qt-cancel", id);
        JsonNode nextHold = fixture.hold("user-next", "qt-next", SCHEDULE, 13, 14);

        assertThat(cancelled.get("statusCode").intValue()).isEqualTo(200);
        assertThat(fixture.body(cancelled).get("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(fixture.body(fixture.get("user-cancel", "qt-cancel", id)).get("status").stringValue()).isEqualTo("CANCELLED");
        assertProblem(again, 409, "reservation-not-pending");
        assertThat(nextHold.get("statusCode").intValue()).isEqualTo(201);
        assertThat(fixture.eventsValidated(EventTypes.RESERVATION_CANCELLED)).filteredOn(e -> e.aggregateId().equals(id))
                .singleElement().satisfies(event -> {
                    assertThat(event.sequence()).isEqualTo(2);
                    assertThat(event.payload().get("reason").stringValue()).isEqualTo("USER_CANCELLED");
                    assertThat(event.payload().get("seatNos").toString()).isEqualTo("[13,14]");
                });
    }

    @Test
    void hold_ofASeatHeldBySomeoneElse_returns409NamingTheSeat_andWritesNothing() {
        fixture.admit("user-first", "qt-first", CONCERT);
        fixture.admit("user-late", "qt-late", CONCERT);
        fixture.hold("user-first", "qt-first", SCHEDULE, 20);
        Map<String, Integer> before = fixture.writableCounts();

        JsonNode late = fixture.hold("user-late", "qt-late", SCHEDULE, 21, 20);

        assertProblem(late, 409, "seat-unavailable");
        assertThat(fixture.body(late).get("detail").stringValue()).contains("[20]");
        assertThat(fixture.writableCounts()).isEqualTo(before);
    }

    @Test
    void hold_breakingTheSeatRules_isRefusedWithItsProblem_andWritesNothing() {
        fixture.admit("user-rules", "qt-rules", CONCERT);
        Map<String, Integer> before = fixture.writableCounts();

        assertProblem(fixture.hold("user-rules", "qt-rules", SCHEDULE, 31, 32, 33, 34, 35), 400, "too-many-seats");
        assertProblem(fixture.hold("user-rules", "qt-rules", SCHEDULE, 31, 31), 400, "invalid-request");
        assertProblem(fixture.hold("user-rules", "qt-rules", SCHEDULE), 400, "invalid-request");
        assertProblem(fixture.hold("user-rules", "qt-rules", SCHEDULE, 51), 404, "unknown-seat");
        assertProblem(fixture.hold("user-rules", "qt-rules", "schedule-9-9", 1), 404, "unknown-schedule");
        assertThat(fixture.writableCounts()).isEqualTo(before);
    }

    @Test
    void catalogConsumer_redeliveredOrRepublishedConcert_keepsOneHeaderAndOneItemPerSeatBlockPerSchedule() {
        int before = fixture.count(ReservationResources.SEAT_INVENTORY_TABLE);

        fixture.publish("concert-3", "schedule-3-1", "schedule-3-2");
        fixture.publish("concert-3", "schedule-3-1", "schedule-3-2");

        // 50 seats each: a header and one block of seats 1–100
        assertThat(fixture.count(ReservationResources.SEAT_INVENTORY_TABLE)).isEqualTo(before + 4);
        assertThat(fixture.repository().inventory("schedule-3-2", List.of(1, 50))).hasValueSatisfying(schedule -> {
            assertThat(schedule.concertId()).isEqualTo("concert-3");
            assertThat(schedule.allSeats()).hasSize(50);
        });
    }
}

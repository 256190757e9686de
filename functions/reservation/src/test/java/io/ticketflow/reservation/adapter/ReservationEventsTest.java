package io.ticketflow.reservation.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventSchemas;
import io.ticketflow.events.EventTypes;
import io.ticketflow.reservation.domain.CancelReason;
import io.ticketflow.reservation.domain.HoldPolicy;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ScheduleInventory;
import io.ticketflow.reservation.domain.Seat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The events the adapter writes against the contracts in {@code events/schemas}, without I/O. */
class ReservationEventsTest {

    private static final EventSchemas SCHEMAS = EventSchemas.load();
    private static final Instant NOW = Instant.parse("2026-11-25T18:03:00Z");

    private final JsonMapper json = JsonMapper.builder().build();
    private final ReservationEvents events = new ReservationEvents(json, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Reservation pending = hold();

    @Test
    void created_isValid_andCarriesWhatTheSagaNeeds() {
        EventEnvelope created = events.created(pending);

        assertThat(SCHEMAS.validate(json.valueToTree(created))).isEmpty();
        assertThat(created.sequence()).isEqualTo(1);
        assertThat(created.correlationId()).isEqualTo(pending.reservationId());
        assertThat(created.payload().get("userId").stringValue()).isEqualTo("user-42");
        assertThat(created.payload().get("queueToken").stringValue()).isEqualTo("qt-1");
        assertThat(created.payload().get("totalPrice").intValue()).isEqualTo(240);
        assertThat(created.payload().get("expiresAt").stringValue()).isEqualTo("2026-11-25T18:08:00Z");
    }

    @Test
    void cancelledAndExpired_areValid_atTheVersionAfterTheHold() {
        EventEnvelope cancelled = events.cancelled(pending.cancel(NOW), CancelReason.USER_CANCELLED);
        EventEnvelope expired = events.expired(pending.expire(NOW.plusSeconds(300)));

        assertThat(SCHEMAS.validate(json.valueToTree(cancelled))).isEmpty();
        assertThat(SCHEMAS.validate(json.valueToTree(expired))).isEmpty();
        assertThat(cancelled.sequence()).isEqualTo(2);
        assertThat(expired.payload().get("seatNos").toString()).isEqualTo("[3,12]");
    }

    @Test
    void cancelled_withAReasonOutsideTheContract_isInvalid() {
        JsonNode cancelled = json.valueToTree(events.cancelled(pending.cancel(NOW), CancelReason.USER_CANCELLED));
        ((ObjectNode) cancelled.get("payload")).put("reason", "CHANGED_MIND");

        assertThat(SCHEMAS.validate(cancelled)).singleElement().asString().startsWith("/payload/reason");
    }

    private static Reservation hold() {
        HoldPolicy policy = new HoldPolicy(4, Duration.ofMinutes(5));
        ScheduleInventory schedule = ScheduleInventory.of("schedule-1-1", "concert-1", Instant.parse("2026-12-24T19:00:00Z"),
                List.of(new Seat(3, "VIP", 150), new Seat(12, "R", 90)));
        return Reservation.hold("5e8a1c7d-2b3f-4a6e-8d9c-0f1e2d3c4b5a", "user-42", schedule,
                schedule.select(List.of(3, 12), policy), "qt-1", NOW, policy);
    }
}

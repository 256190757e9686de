package io.ticketflow.reservation.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.reservation.domain.ScheduleInventory;
import io.ticketflow.reservation.domain.Seat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Put;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class SeatInventoryHandlerTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void concertPublished_becomesABlockAndAHeaderPerSchedule_withItsConcertAndSeats() {
        ObjectNode payload = json.createObjectNode().put("concertId", "concert-1");
        ObjectNode first = payload.putArray("schedules").addObject().put("scheduleId", "schedule-1-1")
                .put("startsAt", "2026-12-20T19:00:00Z");
        section(first.putArray("sections"), "A", "VIP", 150, 1, 1);
        section(((ArrayNode) payload.get("schedules")).addObject().put("scheduleId", "schedule-1-2")
                .put("startsAt", "2026-12-21T19:00:00Z").putArray("sections"), "B", "R", 90, 11, 11);

        assertThat(SeatInventoryHandler.schedules(payload)).containsExactly(
                ScheduleInventory.of("schedule-1-1", "concert-1", Instant.parse("2026-12-20T19:00:00Z"),
                        List.of(new Seat(1, "VIP", 150))),
                ScheduleInventory.of("schedule-1-2", "concert-1", Instant.parse("2026-12-21T19:00:00Z"),
                        List.of(new Seat(11, "R", 90))));
        List<Put> puts = new SeatInventoryHandler(null, "t").puts(event("CONCERT_PUBLISHED", payload));
        assertThat(puts).extracting(put -> put.item().get("block").n()).containsExactly("0", "-1", "0", "-1");
        assertThat(puts.get(1).item().get("concertId").s()).isEqualTo("concert-1");
        assertThat(puts.get(1).item().get("startsAt").n())
                .isEqualTo(String.valueOf(Instant.parse("2026-12-20T19:00:00Z").toEpochMilli()));
        assertThat(puts.get(0).item().get("seats").l()).hasSize(1);
    }

    @Test
    void sectionsInAnyOrder_areExpandedSeatBySeat_andCutIntoBlocksOfAtMostAHundred_inSeatOrder_headerLast() {
        ObjectNode payload = json.createObjectNode().put("concertId", "concert-9");
        ArrayNode sections = payload.putArray("schedules").addObject().put("scheduleId", "schedule-9-1")
                .put("startsAt", "2027-01-01T19:00:00Z").putArray("sections");
        section(sections, "B", "R", 90, 31, 250);
        section(sections, "A", "VIP", 150, 1, 30);

        List<Put> puts = new SeatInventoryHandler(null, "t").puts(event("CONCERT_PUBLISHED", payload));

        assertThat(puts).extracting(put -> put.item().get("block").n()).containsExactly("0", "1", "2", "-1");
        assertThat(puts.subList(0, 3)).extracting(put -> put.item().get("seats").l().size()).containsExactly(100, 100, 50);
        assertThat(puts.get(1).item().get("seats").l().get(0).m().get("seatNo").n()).isEqualTo("101");
        assertThat(puts.get(0).item().get("seats").l().get(29).m().get("grade").s()).isEqualTo("VIP");
        assertThat(puts.get(0).item().get("seats").l().get(30).m().get("grade").s()).isEqualTo("R");
        assertThat(puts).allSatisfy(put -> assertThat(put.conditionExpression()).contains("<= :sequence"));
    }

    @Test
    void otherEventTypes_haveNoEffect() {
        assertThat(new SeatInventoryHandler(null, "t").effects(event("CONCERT_UPDATED", json.createObjectNode()))).isEmpty();
    }

    @Test
    void concertWithoutSchedules_isRejected_soTheMessageGoesToTheDeadLetterQueueInsteadOfVanishing() {
        ObjectNode payload = json.createObjectNode().put("concertId", "concert-1");
        payload.putArray("schedules");

        assertThatThrownBy(() -> SeatInventoryHandler.schedules(payload)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void section(ArrayNode sections, String name, String grade, int price, int firstSeat, int lastSeat) {
        sections.addObject().put("section", name).put("grade", grade).put("price", price).put("firstSeat", firstSeat).put("lastSeat", lastSeat);
    }

    private static EventEnvelope event(String type, ObjectNode payload) {
        return new EventEnvelope("7d2e9a41-03b6-4c1f-8e5d-9a0b1c2d3e4f", type, "concert", "concert-1", 1,
                Instant.parse("2026-11-25T18:00:00Z"), "concert-1", payload);
    }
}

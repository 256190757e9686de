package io.ticketflow.reservation.adapter;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.messaging.EventHandler;
import io.ticketflow.reservation.domain.ScheduleInventory;
import io.ticketflow.reservation.domain.Seat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import tools.jackson.databind.JsonNode;

/**
 * Keeps Reservation's own copy of the seat inventory from {@code CONCERT_PUBLISHED}: one item per schedule with
 * its concert and its seats' grades and prices. A republished concert replaces its schedules; an older event
 * arriving late (SQS reorders) fails the sequence condition and changes nothing.
 */
public final class SeatInventoryHandler implements EventHandler {

    static final String CONCERT_PUBLISHED = "CONCERT_PUBLISHED";

    private final String inventoryTable;

    /** @param inventoryTable physical name of {@code reservation-seat-inventory} */
    public SeatInventoryHandler(String inventoryTable) {
        this.inventoryTable = inventoryTable;
    }

    @Override
    public List<TransactWriteItem> effects(EventEnvelope event) {
        if (!CONCERT_PUBLISHED.equals(event.type())) {
            return List.of();
        }
        List<TransactWriteItem> puts = new ArrayList<>();
        for (ScheduleInventory schedule : schedules(event.payload())) {
            puts.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(inventoryTable)
                    .item(ReservationItems.inventoryItem(schedule, event.sequence()))
                    .conditionExpression("attribute_not_exists(#schedule) OR #sequence <= :sequence")
                    .expressionAttributeNames(Map.of("#schedule", ReservationItems.SCHEDULE_ID,
                            "#sequence", ReservationItems.PUBLISHED_SEQUENCE))
                    .expressionAttributeValues(Map.of(":sequence", ReservationItems.number(event.sequence())))
                    .build()).build());
        }
        return puts;
    }

    static List<ScheduleInventory> schedules(JsonNode payload) {
        String concertId = text(payload, "concertId");
        List<ScheduleInventory> schedules = new ArrayList<>();
        for (JsonNode schedule : payload.path("schedules")) {
            List<Seat> seats = new ArrayList<>();
            for (JsonNode seat : schedule.path("seats")) {
                seats.add(new Seat(seat.path("seatNo").asInt(), text(seat, "grade"), seat.path("price").asInt()));
            }
            schedules.add(ScheduleInventory.of(text(schedule, "scheduleId"), concertId, seats));
        }
        if (schedules.isEmpty()) {
            throw new IllegalArgumentException("CONCERT_PUBLISHED of " + concertId + " has no schedules");
        }
        return schedules;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException("field " + field + " is missing or not a string");
        }
        return value.asString();
    }
}

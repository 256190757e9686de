package io.ticketflow.reservation.adapter;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.messaging.EventHandler;
import io.ticketflow.reservation.domain.ScheduleInventory;
import io.ticketflow.reservation.domain.Seat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import tools.jackson.databind.JsonNode;

/**
 * Keeps Reservation's own copy of the seat inventory from {@code CONCERT_PUBLISHED}: per schedule, its sections
 * expanded seat by seat into one item per block of seats (grades and prices), and a header with its concert. A republished concert replaces its schedules;
 * an older event arriving late (SQS reorders) fails the sequence condition and changes nothing.
 *
 * <p>A stadium's blocks are more than one transaction holds (100 items), so this handler writes them itself, one
 * conditional put each, and leaves the consumer only the inbox record: a redelivery writes the same items again,
 * which changes nothing. The header goes last, so a schedule is known only once all its seats are.
 */
public final class SeatInventoryHandler implements EventHandler {

    static final String CONCERT_PUBLISHED = "CONCERT_PUBLISHED";

    private final DynamoDbClient dynamoDb;
    private final String inventoryTable;

    /** @param inventoryTable physical name of {@code reservation-seat-inventory} */
    public SeatInventoryHandler(DynamoDbClient dynamoDb, String inventoryTable) {
        this.dynamoDb = dynamoDb;
        this.inventoryTable = inventoryTable;
    }

    @Override
    public List<TransactWriteItem> effects(EventEnvelope event) {
        for (Put put : puts(event)) {
            try {
                dynamoDb.putItem(request -> request.tableName(put.tableName()).item(put.item())
                        .conditionExpression(put.conditionExpression())
                        .expressionAttributeNames(put.expressionAttributeNames())
                        .expressionAttributeValues(put.expressionAttributeValues()));
            } catch (ConditionalCheckFailedException newerThere) {
                // a later publication of the schedule is stored: this one no longer applies
            }
        }
        return List.of();
    }

    /** The items of a CONCERT_PUBLISHED, each schedule's blocks before its header; none for other events. */
    List<Put> puts(EventEnvelope event) {
        if (!CONCERT_PUBLISHED.equals(event.type())) {
            return List.of();
        }
        List<Put> puts = new ArrayList<>();
        for (ScheduleInventory schedule : schedules(event.payload())) {
            schedule.blocks().forEach((block, seats) -> puts.add(put(
                    ReservationItems.inventoryBlockItem(schedule.scheduleId(), block, seats, event.sequence()), event.sequence())));
            puts.add(put(ReservationItems.inventoryHeaderItem(schedule, event.sequence()), event.sequence()));
        }
        return puts;
    }

    private Put put(Map<String, AttributeValue> item, long sequence) {
        return Put.builder()
                .tableName(inventoryTable)
                .item(item)
                .conditionExpression("attribute_not_exists(#schedule) OR #sequence <= :sequence")
                .expressionAttributeNames(Map.of("#schedule", ReservationItems.SCHEDULE_ID,
                        "#sequence", ReservationItems.PUBLISHED_SEQUENCE))
                .expressionAttributeValues(Map.of(":sequence", ReservationItems.number(sequence)))
                .build();
    }

    static List<ScheduleInventory> schedules(JsonNode payload) {
        String concertId = text(payload, "concertId");
        List<ScheduleInventory> schedules = new ArrayList<>();
        for (JsonNode schedule : payload.path("schedules")) {
            List<Seat> seats = new ArrayList<>();
            for (JsonNode section : schedule.path("sections")) {
                String grade = text(section, "grade");
                int price = section.path("price").asInt();
                IntStream.rangeClosed(section.path("firstSeat").asInt(), section.path("lastSeat").asInt())
                        .forEach(seatNo -> seats.add(new Seat(seatNo, grade, price)));
            }
            schedules.add(ScheduleInventory.of(text(schedule, "scheduleId"), concertId,
                    Instant.parse(text(schedule, "startsAt")), seats));
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

package io.ticketflow.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.kernel.aws.ItemSizes;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * Stadium scale for Reservation's inventory: a 60,000-seat schedule published through the catalogue consumer is
 * stored in items bounded like a 500-seat one's, and a hold anywhere in the hall — across two blocks, at its last
 * seat — reads only its blocks.
 */
@ExtendWith(MotoExtension.class)
class SeatInventoryScaleIT {

    /** 100 seats of grade and price (≈30 bytes each) plus the block's key. */
    static final long ITEM_BOUND = 4 * 1024;
    private static final String STADIUM = "schedule-060000";
    private static final String HALL = "schedule-000500";

    private static ReservationFixture fixture;

    @BeforeAll
    static void publish(EmulatorEndpoint endpoint) {
        fixture = ReservationFixture.start(endpoint, Map.of());
        fixture.publishWithSeats("concert-hall", 500, HALL);
        fixture.publishWithSeats("concert-stadium", 60_000, STADIUM);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void everyInventoryItem_staysUnderOneBound_whateverTheHall() {
        long hall = largestItem(HALL);
        long stadium = largestItem(STADIUM);

        System.out.printf("SeatInventoryScaleIT largest inventory item: 500 seats %,d B, 60,000 seats %,d B; items %d and %d%n",
                hall, stadium, items(HALL), items(STADIUM));
        // only the seat numbers grow, by a digit or two each
        assertThat(stadium).isLessThan(ITEM_BOUND).isCloseTo(hall, withPercentage(10));
        assertThat(items(STADIUM)).isEqualTo(1 + 600);
        assertThat(fixture.adapter().wholeInventory(STADIUM).orElseThrow().allSeats()).hasSize(60_000);
    }

    @Test
    void holdAcrossTwoBlocks_andAtTheLastSeat_ofAStadium_readsOnlyThoseBlocks() {
        JsonNode straddling = fixture.holdWithNewToken("user-stadium", "concert-stadium", STADIUM, 30_000, 30_001);
        JsonNode last = fixture.holdWithNewToken("user-stadium", "concert-stadium", STADIUM, 60_000);

        assertThat(straddling.get("statusCode").intValue()).as(straddling.toString()).isEqualTo(201);
        assertThat(fixture.body(straddling).get("totalPrice").intValue()).isEqualTo(180);
        assertThat(last.get("statusCode").intValue()).as(last.toString()).isEqualTo(201);
        assertThat(fixture.repository().inventory(STADIUM, List.of(30_000, 30_001)).orElseThrow().seats())
                .as("the header and blocks 299 and 300 only").hasSize(200);
        JsonNode beyond = fixture.holdWithNewToken("user-stadium", "concert-stadium", STADIUM, 60_001);
        assertThat(beyond.get("statusCode").intValue()).isEqualTo(404);
        assertThat(fixture.body(beyond).get("type").stringValue()).endsWith("/unknown-seat");
    }

    private static long largestItem(String scheduleId) {
        return inventory(scheduleId).stream().mapToLong(ItemSizes::of).max().orElseThrow();
    }

    private static int items(String scheduleId) {
        return inventory(scheduleId).size();
    }

    private static List<Map<String, AttributeValue>> inventory(String scheduleId) {
        return fixture.aws.dynamoDb().queryPaginator(request -> request
                        .tableName(fixture.aws.settings().physicalName(ReservationResources.SEAT_INVENTORY_TABLE))
                        .keyConditionExpression("scheduleId = :schedule")
                        .expressionAttributeValues(Map.of(":schedule", AttributeValue.fromS(scheduleId))))
                .items().stream().toList();
    }
}

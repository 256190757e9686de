package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.Schedule;
import io.ticketflow.concert.domain.Section;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.aws.ItemSizes;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.messaging.EventStore;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #13's acceptance scenario: a 60,000-seat stadium schedule, laid out in 30 sections, is published through
 * the Concert service's function and reaches every service through CONCERT_PUBLISHED, while every item and
 * message it takes stays far below AWS's limits (DynamoDB 400 KB an item, SQS 256 KiB a message).
 */
@ExtendWith(MotoExtension.class)
class StadiumPublishIT {

    static final int SEATS = 60_000;
    static final int SECTION_SEATS = 2_000;
    /** "Far below": a tenth of DynamoDB's 400 KB item limit. */
    static final long ITEM_BOUND = 40 * 1024;
    static final int SQS_MESSAGE_LIMIT = 256 * 1024;
    private static final String CONCERT = "concert-stadium";
    private static final String SCHEDULE = "schedule-stadium-1";
    private static final JsonMapper JSON = KernelBeans.newJsonMapper();

    private static LocalRuntime runtime;
    private static Bookings bookings;

    @BeforeAll
    static void startAndPublish(EmulatorEndpoint endpoint) {
        runtime = LocalRuntime.start(new LocalOptions(0, endpoint.uri(), endpoint.region(), "stadium-", ProjectRoot.find(),
                Map.of(LocalOptions.ALL_SCHEDULES, 1), Map.of(), false), Topology.catalogue());
        bookings = new Bookings(runtime);
        runtime.publish(stadium());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    /** Sections of 2,000 seats: the first VIP at 150, the next nine R at 120, the rest S at 90. */
    static Concert stadium() {
        List<Section> sections = IntStream.range(0, SEATS / SECTION_SEATS)
                .mapToObj(i -> new Section(String.format("S%02d", i + 1), i == 0 ? "VIP" : i < 10 ? "R" : "S",
                        i == 0 ? 150 : i < 10 ? 120 : 90, i * SECTION_SEATS + 1, (i + 1) * SECTION_SEATS))
                .toList();
        return new Concert(CONCERT, "Stadium Night", "The Sixty Thousand", "Seoul Olympic Stadium",
                List.of(new Schedule(SCHEDULE, Instant.parse("2027-08-15T19:00:00Z"), sections)));
    }

    @Test
    void stadiumPublish_writesAndSendsOnlySmallItems_andTheMessageFitsSqs() {
        long largestCatalogItem = runtime.clients().dynamoDb().scanPaginator(scan -> scan
                        .tableName(runtime.settings().physicalName(ConcertResources.CATALOG_TABLE))).items().stream()
                .filter(item -> item.get("sk").s().equals(CONCERT) || item.get("pk").s().equals("CONCERT#" + CONCERT))
                .mapToLong(ItemSizes::of).max().orElseThrow();
        List<Map<String, AttributeValue>> outboxItems = runtime.clients().dynamoDb().query(query -> query
                .tableName(runtime.settings().physicalName(ConcertResources.EVENTS_TABLE))
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Catalogue.OUTBOX_PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(CONCERT)))).items();
        EventEnvelope published = new EventStore(runtime.clients().dynamoDb(),
                runtime.settings().physicalName(ConcertResources.EVENTS_TABLE), JSON).events(CONCERT).get(0);
        // the body the relay sends to Queue and Reservation
        int messageBytes = JSON.writeValueAsString(published).getBytes(StandardCharsets.UTF_8).length;

        System.out.printf("StadiumPublishIT %,d seats in %d sections: largest catalogue item %,d B, outbox event item %,d B,"
                + " CONCERT_PUBLISHED message %,d B%n", SEATS, SEATS / SECTION_SEATS, largestCatalogItem,
                ItemSizes.of(outboxItems.get(0)), messageBytes);
        assertThat(published.type()).isEqualTo(EventTypes.CONCERT_PUBLISHED);
        assertThat(published.payload().get("schedules").get(0).has("seats")).isFalse();
        assertThat(largestCatalogItem).isLessThan(ITEM_BOUND);
        assertThat(outboxItems).singleElement().satisfies(item -> assertThat(ItemSizes.of(item)).isLessThan(ITEM_BOUND));
        assertThat(messageBytes).isLessThan(SQS_MESSAGE_LIMIT / 10);
    }

    @Test
    void stadiumPublish_isListedWithAllSixtyThousandSeatsFree_andTheSeatMapServesEveryOne() {
        HttpResponse<String> schedules = bookings.send("GET", "/concerts/" + CONCERT + "/schedules", null, null, Map.of());
        assertThat(schedules.statusCode()).as(schedules.body()).isEqualTo(200);
        assertThat(Bookings.JSON.readTree(schedules.body()).path("schedules").get(0).path("freeSeats").intValue()).isEqualTo(SEATS);

        HttpResponse<String> seatMap = bookings.send("GET", "/schedules/" + SCHEDULE + "/seats", null, null, Map.of());

        assertThat(seatMap.statusCode()).isEqualTo(200);
        int bodyBytes = seatMap.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        System.out.printf("StadiumPublishIT seat map of %,d seats: %,d B (Lambda response limit 6 MB)%n", SEATS, bodyBytes);
        assertThat(bodyBytes).as("one Lambda response").isLessThan(6 * 1024 * 1024);
        JsonNode seats = Bookings.JSON.readTree(seatMap.body()).path("seats");
        assertThat(seats).hasSize(SEATS);
        for (int i = 0; i < SEATS; i++) {
            assertThat(seats.get(i).path("seatNo").intValue()).isEqualTo(i + 1);
        }
        assertThat(seats.get(0).toString()).isEqualTo("{\"seatNo\":1,\"grade\":\"VIP\",\"price\":150,\"status\":\"FREE\"}");
        assertThat(seats.get(SECTION_SEATS).toString()).isEqualTo("{\"seatNo\":2001,\"grade\":\"R\",\"price\":120,\"status\":\"FREE\"}");
        assertThat(seats.get(SEATS - 1).toString()).isEqualTo("{\"seatNo\":60000,\"grade\":\"S\",\"price\":90,\"status\":\"FREE\"}");
    }

    @Test
    @ExtendWith(FanBrowser.Installed.class)
    void aFanBrowsesTheStadium_oneSectionAtATime_inTheBrowser() {
        try (FanBrowser fan = FanBrowser.open(runtime.baseUri())) {
            fan.signIn("stella");
            fan.driver.navigate().to(runtime.baseUri().resolve("/#/seats/" + CONCERT + "/" + SCHEDULE).toString());
            fan.visible(By.cssSelector("button[data-section='S30']"));
            assertThat(fan.driver.findElements(By.cssSelector("button[data-section]"))).hasSize(SEATS / SECTION_SEATS);

            fan.click(By.cssSelector("button[data-section='S02']"));

            fan.waitUntil(driver -> fan.seat(2001).isDisplayed());
            assertThat(fan.driver.findElements(By.cssSelector("#seat-grid button[data-seat]")))
                    .hasSize(SECTION_SEATS);
            assertThat(fan.seatProperty(2001, "ariaLabel")).isEqualTo("Seat 2001, R, 120 points, free");
            double largestRead = ((Number) fan.script("""
                    return Math.max(...performance.getEntriesByType('resource')
                        .filter(entry => entry.name.includes('/seats?')).map(entry => entry.transferSize))""")).doubleValue();
            System.out.printf("StadiumPublishIT in the browser: largest seat map read %.1f KB (one section)%n", largestRead / 1024);
            assertThat(largestRead).as("never the whole 3.4 MB map").isLessThan(200 * 1024);
            fan.screenshot("stadium-section");
        }
    }

    @Test
    void oneSectionOfTheSeatMap_isAnsweredAlone_andAnUnchangedOneIs304() {
        String section = "/schedules/" + SCHEDULE + "/seats?fromSeat=2001&toSeat=4000";
        HttpResponse<String> seatMap = bookings.send("GET", section, null, null, Map.of());

        assertThat(seatMap.statusCode()).isEqualTo(200);
        JsonNode seats = Bookings.JSON.readTree(seatMap.body()).path("seats");
        assertThat(seats).hasSize(SECTION_SEATS);
        assertThat(seats.get(0).path("seatNo").intValue()).isEqualTo(2001);
        assertThat(seats.get(SECTION_SEATS - 1).path("seatNo").intValue()).isEqualTo(4000);
        System.out.printf("StadiumPublishIT one section of %,d seats: %,d B%n", SECTION_SEATS, seatMap.body().length());
        String etag = seatMap.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> again = bookings.send("GET", section, null, null, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("etag")).hasValue(etag);
        assertThat(bookings.send("GET", "/schedules/" + SCHEDULE + "/seats?fromSeat=1&toSeat=2000", null, null,
                Map.of("If-None-Match", etag)).statusCode()).as("another section has another tag").isEqualTo(200);

        HttpResponse<String> backwards = bookings.send("GET", "/schedules/" + SCHEDULE + "/seats?fromSeat=4000&toSeat=2001",
                null, null, Map.of());
        assertThat(backwards.statusCode()).as("a range that holds no seat").isEqualTo(200);
        assertThat(Bookings.JSON.readTree(backwards.body()).path("seats")).isEmpty();
        assertThat(bookings.send("GET", "/schedules/" + SCHEDULE + "/seats?fromSeat=-1", null, null, Map.of()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void reservationsInventory_fromTheEvent_holdsAllSixtyThousandSeats_andTheLastSeatCanBeHeld() {
        Eventually.within(Bookings.WAIT, () -> assertThat(inventorySeats()).isEqualTo(SEATS));
        String lastSeats = "/schedules/" + SCHEDULE + "/seats?fromSeat=" + (SEATS - 99);
        String before = bookings.send("GET", lastSeats, null, null, Map.of()).headers().firstValue("etag").orElseThrow();

        Bookings.User fan = bookings.user("fan").admittedTo(CONCERT).holding(SCHEDULE, SEATS - 1, SEATS);

        assertThat(fan.totalPrice).isEqualTo(2 * 90);
        Eventually.within(Bookings.SEAT_MAP_WAIT, () -> assertThat(bookings.seatStatus(SCHEDULE, SEATS)).isEqualTo("HELD"));
        Eventually.within(Bookings.SEAT_MAP_WAIT, () -> assertThat(bookings.send("GET", lastSeats, null, null,
                Map.of("If-None-Match", before)).statusCode()).as("a held seat changes the tag").isEqualTo(200));
    }

    /** The seats in Reservation's own inventory of the schedule, over all its block items. */
    private static int inventorySeats() {
        return runtime.clients().dynamoDb().queryPaginator(query -> query
                        .tableName(runtime.settings().physicalName(ReservationResources.SEAT_INVENTORY_TABLE))
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Catalogue.table(ReservationResources.SEAT_INVENTORY_TABLE).partitionKey().name()))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(SCHEDULE)))).items().stream()
                .mapToInt(item -> item.containsKey("seats") ? item.get("seats").l().size() : 0)
                .sum();
    }
}

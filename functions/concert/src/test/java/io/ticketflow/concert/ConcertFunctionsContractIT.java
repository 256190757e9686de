package io.ticketflow.concert;

import static io.ticketflow.kernel.testing.LambdaInvocations.PROXY_MEMBERS;
import static io.ticketflow.kernel.testing.LambdaInvocations.lambdaEnvironment;
import static io.ticketflow.kernel.testing.LambdaInvocations.resource;
import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.concert.domain.SeatStatus;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.kernel.testing.LambdaInvocations;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recorded Lambda events through Spring Cloud Function's {@link FunctionInvoker}, the path Lambda (and the
 * local runtime) take, with {@link ConcertFunctions} as the start class and moto behind the functions.
 */
@ExtendWith(MotoExtension.class)
class ConcertFunctionsContractIT {

    private static final LambdaInvocations LAMBDA = new LambdaInvocations();

    private static ConcertFixture fixture;

    @BeforeAll
    static void publishDemoThroughTheTaskFunction(EmulatorEndpoint endpoint) throws IOException {
        fixture = ConcertFixture.withTables(endpoint);
        // FunctionInvoker reads its start class and configuration once; the Environment sees system properties
        lambdaEnvironment(ConcertFunctions.class, fixture.settings);
        JsonNode published = LAMBDA.invoke(ConcertFunctions.PUBLISH_CONCERT, fixture.json.writeValueAsBytes(DemoCatalogue.concert(1)));
        assertThat(published.toString()).isEqualTo("{\"concertId\":\"concert-1\",\"published\":true}");
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void listConcerts_recordedEvent_returns200WithTheConcertList() throws IOException {
        JsonNode response = LAMBDA.invoke(ConcertResources.LIST_CONCERTS, resource("apigw-v2-list-concerts.json"));

        assertThat(response.propertyNames()).containsExactlyElementsOf(PROXY_MEMBERS);
        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(response.get("headers").get("content-type").stringValue()).isEqualTo("application/json");
        JsonNode concert = LAMBDA.body(response).get("concerts").get(0);
        assertThat(concert.propertyNames()).containsExactly("concertId", "title", "artist", "venue");
        assertThat(concert.get("concertId").stringValue()).isEqualTo("concert-1");
    }

    @Test
    void listSchedules_recordedEvent_returnsSchedulesWithFreeSeatsSectionsAndAvailableDates() throws IOException {
        JsonNode response = LAMBDA.invoke(ConcertResources.LIST_SCHEDULES, resource("apigw-v2-list-schedules.json"));

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        JsonNode list = LAMBDA.body(response);
        assertThat(list.propertyNames()).containsExactly("concertId", "schedules", "availableDates");
        assertThat(list.get("schedules").get(0).toString())
                .isEqualTo("{\"scheduleId\":\"schedule-1-1\",\"startsAt\":\"2027-03-06T19:00:00Z\",\"freeSeats\":50,"
                        + "\"sections\":[{\"section\":\"1-10\",\"grade\":\"VIP\",\"price\":150,\"firstSeat\":1,\"lastSeat\":10},"
                        + "{\"section\":\"11-50\",\"grade\":\"R\",\"price\":90,\"firstSeat\":11,\"lastSeat\":50}]}");
        assertThat(list.get("availableDates").toString()).isEqualTo("[\"2027-03-06\",\"2027-03-07\",\"2027-03-08\"]");
    }

    @Test
    void seatMap_recordedEvent_returnsFiftySeatsWithGradePriceAndStatus() throws IOException {
        JsonNode response = LAMBDA.invoke(ConcertResources.SEAT_MAP, resource("apigw-v2-seat-map.json"));

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        JsonNode seatMap = LAMBDA.body(response);
        assertThat(seatMap.propertyNames()).containsExactly("scheduleId", "concertId", "seats");
        assertThat(seatMap.get("seats")).hasSize(50);
        assertThat(seatMap.get("seats").get(0).toString()).isEqualTo("{\"seatNo\":1,\"grade\":\"VIP\",\"price\":150,\"status\":\"FREE\"}");
    }

    @Test
    void publishConcert_withAnExplicitSeatList_publishesItAsSections_andTheSeatMapServesEverySeat() {
        ObjectNode concert = concertToPublish("concert-seats");
        ArrayNode seats = scheduleLayout(concert, "schedule-seats-1", "seats");
        seats.addObject().put("seatNo", 2).put("grade", "VIP").put("price", 150);
        seats.addObject().put("seatNo", 1).put("grade", "VIP").put("price", 150);
        seats.addObject().put("seatNo", 3).put("grade", "R").put("price", 90);

        JsonNode published = LAMBDA.invoke(ConcertFunctions.PUBLISH_CONCERT, fixture.json.writeValueAsBytes(concert));

        assertThat(published.toString()).isEqualTo("{\"concertId\":\"concert-seats\",\"published\":true}");
        EventEnvelope event = fixture.concertEventsValidated().stream()
                .filter(e -> e.aggregateId().equals("concert-seats")).findFirst().orElseThrow();
        assertThat(event.payload().get("schedules").get(0).toString()).isEqualTo("{\"scheduleId\":\"schedule-seats-1\","
                + "\"startsAt\":\"2027-02-01T19:00:00Z\",\"sections\":["
                + "{\"section\":\"1-2\",\"grade\":\"VIP\",\"price\":150,\"firstSeat\":1,\"lastSeat\":2},"
                + "{\"section\":\"3-3\",\"grade\":\"R\",\"price\":90,\"firstSeat\":3,\"lastSeat\":3}]}");
        assertThat(fixture.seatMaps().find("schedule-seats-1").orElseThrow().seats())
                .extracting(seat -> seat.seatNo() + " " + seat.grade() + " " + seat.price())
                .containsExactly("1 VIP 150", "2 VIP 150", "3 R 90");
    }

    @Test
    void publishConcert_withOverlappingSections_failsAsInvalidRequestNamingThem_andPublishesNothing() {
        ObjectNode concert = concertToPublish("concert-overlap");
        ArrayNode sections = scheduleLayout(concert, "schedule-overlap-1", "sections");
        sections.addObject().put("section", "A").put("grade", "VIP").put("price", 150).put("firstSeat", 1).put("lastSeat", 100);
        sections.addObject().put("section", "B").put("grade", "R").put("price", 90).put("firstSeat", 90).put("lastSeat", 200);

        assertThatThrownBy(() -> LAMBDA.invoke(ConcertFunctions.PUBLISH_CONCERT, fixture.json.writeValueAsBytes(concert)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemTypes.INVALID_REQUEST);
                    assertThat(problem.detail()).isEqualTo("schedule schedule-overlap-1: sections A and B overlap at seat 90");
                });
        assertThat(fixture.seatMaps().find("schedule-overlap-1")).isEmpty();
    }

    @Test
    void seatMap_unknownSchedule_returns404UnknownScheduleProblem() throws IOException {
        ObjectNode event = LAMBDA.event("apigw-v2-seat-map.json");
        ((ObjectNode) event.get("pathParameters")).put("scheduleId", "schedule-none");
        event.put("rawPath", "/schedules/schedule-none/seats");

        JsonNode response = LAMBDA.invoke(ConcertResources.SEAT_MAP, fixture.json.writeValueAsBytes(event));

        assertProblem(response, 404, "unknown-schedule");
    }

    @Test
    void seatMapProjector_sqsBatchWithTheCreatedSample_holdsItsSeats() throws IOException {
        String created = Files.readString(Path.of(System.getProperty("ticketflow.root"), "events", "samples", "RESERVATION_CREATED.json"));
        ObjectNode batch = fixture.json.createObjectNode();
        batch.putArray("Records").addObject()
                .put("messageId", "0d3b8f7c-1e2a-4b5c-9d6e-7f8a9b0c1d2e")
                .put("receiptHandle", "rh-1")
                .put("body", created)
                .put("eventSource", "aws:sqs")
                .put("eventSourceARN", "arn:aws:sqs:eu-west-1:123456789012:concert-reservation-events")
                .put("awsRegion", "eu-west-1");

        JsonNode response = LAMBDA.invoke(ConcertResources.SEAT_MAP_PROJECTOR, fixture.json.writeValueAsBytes(batch));

        assertThat(response.toString()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(fixture.seatMaps().findWithHistory("schedule-1-1").orElseThrow().seats())
                .filteredOn(seat -> seat.seatNo() == 7 || seat.seatNo() == 8)
                .allSatisfy(seat -> assertThat(seat.status()).isEqualTo(SeatStatus.HELD));
    }

    @Test
    void concertEventsRelay_recordedOutboxInsert_sendsConcertPublishedToQueueAndReservation() throws IOException {
        List<String> routed = Catalogue.queuesFor(ConcertResources.EVENTS_TABLE, EventTypes.CONCERT_PUBLISHED);
        List<String> urls = routed.stream().map(queue -> fixture.aws.sqs()
                .createQueue(r -> r.queueName(fixture.settings.physicalName(queue))).queueUrl()).toList();

        JsonNode response = LAMBDA.invoke(ConcertResources.CONCERT_EVENTS_RELAY, resource("dynamodb-stream-concert-published.json"));

        assertThat(response.get("batchItemFailures")).isEmpty();
        assertThat(routed).containsExactlyInAnyOrder("queue-concert-events", "reservation-concert-events");
        for (String url : urls) {
            List<String> bodies = fixture.aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages().stream().map(m -> m.body()).toList();
            assertThat(bodies).singleElement().satisfies(body -> {
                JsonNode event = fixture.json.readTree(body);
                assertThat(event.get("type").stringValue()).isEqualTo(EventTypes.CONCERT_PUBLISHED);
                assertThat(event.get("payload").get("schedules").get(0).get("sections")).hasSize(2);
                fixture.assertValid(fixture.json.treeToValue(event, EventEnvelope.class));
            });
        }
    }

    private static ObjectNode concertToPublish(String concertId) {
        return fixture.json.createObjectNode().put("concertId", concertId).put("title", "Title of " + concertId)
                .put("artist", "Artist").put("venue", "Venue");
    }

    /** @param layout "sections" or "seats": the array the schedule's seats are given in */
    private static ArrayNode scheduleLayout(ObjectNode concert, String scheduleId, String layout) {
        return concert.putArray("schedules").addObject().put("scheduleId", scheduleId)
                .put("startsAt", "2027-02-01T19:00:00Z").putArray(layout);
    }
}

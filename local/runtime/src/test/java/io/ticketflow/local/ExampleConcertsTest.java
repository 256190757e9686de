package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.testsupport.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The concert documents under {@code examples/} that the README publishes with {@code scripts/publish-concert}:
 * each schedule's sections number its seats 1..N without gap or overlap, so the seat counts the script prints
 * are the seats a schedule really has.
 */
class ExampleConcertsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path EXAMPLES = ProjectRoot.find().resolve("examples");

    @Test
    void stadium_isOneConcertOfSixtyThousandSeatsPerSchedule_inSections() {
        JsonNode stadium = read("stadium-60000.json");

        assertThat(stadium.path("concertId").asString()).isEqualTo("stadium-60000");
        assertThat(stadium.path("schedules").valueStream().map(ExampleConcertsTest::seatsOf).toList())
                .isNotEmpty().containsOnly(60_000);
    }

    @Test
    void club_isFiveHundredSeatsPerSchedule_inSections() {
        assertThat(read("club-500.json").path("schedules").valueStream().map(ExampleConcertsTest::seatsOf).toList())
                .isNotEmpty().containsOnly(500);
    }

    @Test
    void everyExample_hasTheConcertFieldsAndContiguousSectionsWithAGradeAndAPrice() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            JsonNode concert = read(example.getFileName().toString());
            for (String field : List.of("concertId", "title", "artist", "venue")) {
                assertThat(concert.path(field).asString("")).as(example + " " + field).isNotBlank();
            }
            for (JsonNode schedule : concert.path("schedules")) {
                assertThat(schedule.path("scheduleId").asString("")).as(example + " scheduleId").isNotBlank();
                assertThat(schedule.path("startsAt").asString("")).as(example + " startsAt").matches("\\d{4}-.*Z");
                int next = 1;
                for (JsonNode section : schedule.path("sections")) {
                    String where = example.getFileName() + " " + schedule.path("scheduleId").asString() + " section "
                            + section.path("section").asString();
                    assertThat(section.path("firstSeat").asInt()).as(where + " starts where the last one ended")
                            .isEqualTo(next);
                    assertThat(section.path("lastSeat").asInt()).as(where).isGreaterThanOrEqualTo(next);
                    assertThat(section.path("grade").asString("")).as(where).isNotBlank();
                    assertThat(section.path("price").asInt()).as(where).isPositive();
                    next = section.path("lastSeat").asInt() + 1;
                }
            }
        }
    }

    private static int seatsOf(JsonNode schedule) {
        return schedule.path("sections").valueStream()
                .mapToInt(section -> section.path("lastSeat").asInt() - section.path("firstSeat").asInt() + 1).sum();
    }

    private static JsonNode read(String name) {
        return JSON.readTree(EXAMPLES.resolve(name).toFile());
    }
}

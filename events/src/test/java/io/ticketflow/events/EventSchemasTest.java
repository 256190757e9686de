package io.ticketflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventSchemasTest {

    private static final Path SCHEMAS = Path.of("schemas");
    private static final Path SAMPLES = Path.of("samples");
    private static final EventSchemas SCHEMAS_ON_CLASSPATH = EventSchemas.load();

    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<String> sampleTypes() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.map(f -> f.getFileName().toString().replace(".json", "")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sampleTypes")
    void sample_ofEveryType_isValidAgainstItsSchema(String type) {
        assertThat(SCHEMAS_ON_CLASSPATH.validate(sample(type))).isEmpty();
    }

    @Test
    void activatedEvent_withoutActiveUntil_failsNamingTheMissingField() {
        ObjectNode event = sample(EventTypes.QUEUE_ACTIVATED);
        ((ObjectNode) event.get("payload")).remove("activeUntil");

        assertThat(SCHEMAS_ON_CLASSPATH.validate(event))
                .singleElement().asString().isEqualTo("/payload: required property 'activeUntil' not found");
    }

    @Test
    void event_withSeqAsString_failsNamingThePathAndTheExpectedType() {
        ObjectNode event = sample(EventTypes.QUEUE_WAITING);
        ((ObjectNode) event.get("payload")).put("seq", "seventeen");

        assertThat(SCHEMAS_ON_CLASSPATH.validate(event))
                .singleElement().asString().isEqualTo("/payload/seq: string found, integer expected");
    }

    @Test
    void event_withUnparseableOccurredAt_fails() {
        ObjectNode event = sample(EventTypes.QUEUE_EXPIRED);
        event.put("occurredAt", "yesterday");

        assertThat(SCHEMAS_ON_CLASSPATH.validate(event)).singleElement().asString().startsWith("/occurredAt: ");
    }

    @Test
    void expiredEvent_withUnknownReason_fails() {
        ObjectNode event = sample(EventTypes.QUEUE_EXPIRED);
        ((ObjectNode) event.get("payload")).put("reason", "BORED");

        assertThat(SCHEMAS_ON_CLASSPATH.validate(event)).singleElement().asString().startsWith("/payload/reason: ");
    }

    @Test
    void envelope_withFieldOutsideTheContract_fails() {
        ObjectNode event = sample(EventTypes.QUEUE_WAITING);
        event.put("tenant", "x");

        assertThat(SCHEMAS_ON_CLASSPATH.validate(event)).singleElement().asString().contains("tenant");
    }

    @Test
    void concertPublished_withAPerSeatList_fails_soNoProducerSendsAStadiumSeatBySeat() {
        ObjectNode event = sample(EventTypes.CONCERT_PUBLISHED);
        ObjectNode schedule = (ObjectNode) event.get("payload").get("schedules").get(0);
        schedule.remove("sections");
        schedule.putArray("seats").addObject().put("seatNo", 1).put("grade", "VIP").put("price", 150);

        assertThat(SCHEMAS_ON_CLASSPATH.validate(event))
                .anySatisfy(violation -> assertThat(violation).contains("sections"))
                .anySatisfy(violation -> assertThat(violation).contains("seats"));
    }

    @Test
    void event_ofTypeWithoutSchema_failsSayingSo() {
        ObjectNode event = sample(EventTypes.QUEUE_WAITING);
        event.put("type", "QUEUE_TELEPORTED");

        assertThat(SCHEMAS_ON_CLASSPATH.validate(event)).anySatisfy(v -> assertThat(v).contains("QUEUE_TELEPORTED"));
    }

    @Test
    void assertValid_onInvalidEvent_throwsListingTheViolation() {
        ObjectNode event = sample(EventTypes.QUEUE_WAITING);
        ((ObjectNode) event.get("payload")).remove("userId");

        assertThatThrownBy(() -> SCHEMAS_ON_CLASSPATH.assertValid(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUEUE_WAITING")
                .hasMessageContaining("userId");
    }

    @Test
    void envelope_createdInJava_serializesToAValidEvent() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T18:00:00.123Z"), ZoneOffset.UTC);
        JsonNode payload = json.createObjectNode().put("token", "qt-1").put("userId", "u-1").put("concertId", "c-1").put("seq", 1);

        EventEnvelope created = EventEnvelope.create(EventTypes.QUEUE_WAITING, "queue", "qt-1", 1, "req-1", payload, clock);
        JsonNode serialized = json.valueToTree(created);

        assertThat(SCHEMAS_ON_CLASSPATH.validate(serialized)).isEmpty();
        assertThat(serialized.get("occurredAt").asString()).isEqualTo("2026-11-25T18:00:00.123Z");
        assertThat(json.treeToValue(serialized, EventEnvelope.class)).isEqualTo(created);
    }

    @Test
    void everySchemaFile_hasASampleOfTheSameName() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            List<String> types = files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.equals("envelope.schema.json"))
                    .map(name -> name.replace(".schema.json", ""))
                    .toList();
            assertThat(types).isNotEmpty().allSatisfy(type -> assertThat(SAMPLES.resolve(type + ".json")).exists());
        }
    }

    @Test
    void everyQueueEventType_hasASchema() {
        assertThat(SCHEMAS_ON_CLASSPATH.types()).containsAll(EventTypes.QUEUE);
        assertThat(EventTypes.QUEUE).allSatisfy(type -> assertThat(SCHEMAS.resolve(type + ".schema.json")).exists());
    }

    private ObjectNode sample(String type) {
        return (ObjectNode) json.readTree(SAMPLES.resolve(type + ".json").toFile());
    }
}

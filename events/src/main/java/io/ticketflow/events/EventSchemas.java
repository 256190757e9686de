package io.ticketflow.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of the events, read from the classpath ({@code events/schemas/}, packaged from the
 * top-level {@code events/schemas} folder). Validates a whole envelope against the schema of its type.
 * Meant for tests and tools; loading costs a few hundred ms, so production paths do not call it.
 */
public final class EventSchemas {

    /** The schemas' {@code $id}s live under this prefix; it maps onto the classpath so {@code $ref}s resolve offline. */
    static final String ID_PREFIX = "https://ticketflow.dev/events/";
    static final String CLASSPATH_FOLDER = "events/schemas/";
    static final String ENVELOPE = "envelope";

    private final Schema envelope;
    private final Map<String, Schema> byType;

    private EventSchemas(Schema envelope, Map<String, Schema> byType) {
        this.envelope = envelope;
        this.byType = Map.copyOf(byType);
    }

    /** Loads the envelope schema and the schema of every {@link EventTypes} name that has one. */
    public static EventSchemas load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:" + CLASSPATH_FOLDER))
                // date-time must be checked, not only annotated: consumers parse occurredAt and activeUntil
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Map<String, Schema> byType = new LinkedHashMap<>();
        for (String type : EventTypes.ALL) {
            if (EventSchemas.class.getClassLoader().getResource(fileOf(type)) != null) {
                byType.put(type, registry.getSchema(SchemaLocation.of(idOf(type))));
            }
        }
        return new EventSchemas(registry.getSchema(SchemaLocation.of(idOf(ENVELOPE))), byType);
    }

    /** The event types that have a schema. */
    public Set<String> types() {
        return byType.keySet();
    }

    /** Readable violations, JSON Pointer first ({@code /payload/seq: string found, integer expected}); empty when the envelope is valid. */
    public List<String> validate(JsonNode envelopeJson) {
        JsonNode type = envelopeJson.path("type");
        Schema schema = type.isString() ? byType.get(type.asString()) : null;
        List<String> violations = new ArrayList<>();
        if (schema == null) {
            schema = envelope;
            violations.add("/type: no event schema for type " + type);
        }
        for (Error error : schema.validate(envelopeJson)) {
            violations.add(error.toString());
        }
        return violations;
    }

    /** @throws IllegalArgumentException listing every violation, when the envelope is not valid */
    public void assertValid(JsonNode envelopeJson) {
        List<String> violations = validate(envelopeJson);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("event " + envelopeJson.path("type") + " "
                    + envelopeJson.path("eventId") + " violates its schema: " + String.join("; ", violations));
        }
    }

    static String fileOf(String schemaName) {
        return CLASSPATH_FOLDER + schemaName + ".schema.json";
    }

    private static String idOf(String schemaName) {
        return ID_PREFIX + schemaName + ".schema.json";
    }
}

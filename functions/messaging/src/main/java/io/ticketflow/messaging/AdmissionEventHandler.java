package io.ticketflow.messaging;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import tools.jackson.databind.JsonNode;

/**
 * Feeds an admission view from QUEUE_ACTIVATED, QUEUE_EXPIRED and QUEUE_RESTORED (a token put back in line after a
 * failed payment). QUEUE_WAITING is not routed here: a first place in line admits nobody, and a crowd's enters would
 * otherwise cost every admission view a message and a write each. SQS standard queues reorder messages, so an
 * event only applies when its sequence is newer than the one the item holds; an older one fails the condition
 * and the consumer acknowledges it as a no-op.
 */
public final class AdmissionEventHandler implements EventHandler {

    /** How long an item outlives its admission window; {@link AdmissionView} compares times, so TTL is housekeeping. */
    static final Duration RETENTION = Duration.ofDays(1);

    private final String admissionTable;

    /** @param admissionTable physical table name */
    public AdmissionEventHandler(String admissionTable) {
        this.admissionTable = admissionTable;
    }

    @Override
    public List<TransactWriteItem> effects(EventEnvelope event) {
        return switch (event.type()) {
            case EventTypes.QUEUE_ACTIVATED -> {
                Instant activeUntil = Instant.parse(required(event.payload(), "activeUntil"));
                yield List.of(apply(event, AdmissionRecord.ACTIVE, activeUntil, activeUntil.plus(RETENTION)));
            }
            case EventTypes.QUEUE_EXPIRED -> List.of(apply(event, AdmissionRecord.EXPIRED, null, event.occurredAt().plus(RETENTION)));
            // no longer admitted until a later QUEUE_ACTIVATED (a higher sequence) admits it again
            case EventTypes.QUEUE_RESTORED -> List.of(apply(event, AdmissionRecord.WAITING, null, event.occurredAt().plus(RETENTION)));
            default -> List.of();
        };
    }

    private TransactWriteItem apply(EventEnvelope event, String status, Instant activeUntil, Instant expiresAt) {
        JsonNode payload = event.payload();
        Map<String, String> names = new HashMap<>(Map.of(
                "#token", Catalogue.ADMISSION_PARTITION_KEY,
                "#userId", AdmissionItems.USER_ID,
                "#concertId", AdmissionItems.CONCERT_ID,
                "#status", AdmissionItems.STATUS,
                "#lastSequence", AdmissionItems.LAST_SEQUENCE,
                "#expiresAt", Catalogue.ADMISSION_TTL_ATTRIBUTE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":userId", AttributeValue.fromS(required(payload, "userId")),
                ":concertId", AttributeValue.fromS(required(payload, "concertId")),
                ":status", AttributeValue.fromS(status),
                ":sequence", AttributeValue.fromN(Long.toString(event.sequence())),
                ":expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))));
        String set = "SET #userId = :userId, #concertId = :concertId, #status = :status, "
                + "#lastSequence = :sequence, #expiresAt = :expiresAt";
        if (activeUntil != null) {
            names.put("#activeUntil", AdmissionItems.ACTIVE_UNTIL);
            values.put(":activeUntil", AttributeValue.fromN(Long.toString(activeUntil.toEpochMilli())));
            set += ", #activeUntil = :activeUntil";
        }
        return TransactWriteItem.builder().update(Update.builder()
                        .tableName(admissionTable)
                        .key(Map.of(Catalogue.ADMISSION_PARTITION_KEY, AttributeValue.fromS(required(payload, "token"))))
                        .updateExpression(set)
                        .conditionExpression("attribute_not_exists(#token) OR #lastSequence < :sequence")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .build();
    }

    private static String required(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException("payload field " + field + " is missing or not a string");
        }
        return value.asString();
    }
}

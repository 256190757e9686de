package io.ticketflow.messaging;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import tools.jackson.databind.JsonNode;

/**
 * Feeds a service's revocation view from QUEUE_EXPIRED (the window ended, the booking was confirmed or given up)
 * and QUEUE_RESTORED (a token put back in line after a failed payment). Admission itself needs no event: the
 * queue's signed pass is proof enough ({@link AdmissionGate}), so QUEUE_ACTIVATED and QUEUE_WAITING are not routed
 * here. SQS standard queues reorder messages, so an event only applies when its sequence is newer than the one the
 * item holds; an older one fails the condition and the consumer acknowledges it as a no-op.
 */
public final class AdmissionEventHandler implements EventHandler {

    /** How long a revocation is kept: longer than any pass lives, so TTL never forgets one that still matters. */
    static final Duration RETENTION = Duration.ofDays(1);

    private final String admissionTable;

    /** @param admissionTable physical table name */
    public AdmissionEventHandler(String admissionTable) {
        this.admissionTable = admissionTable;
    }

    @Override
    public List<TransactWriteItem> effects(EventEnvelope event) {
        return switch (event.type()) {
            case EventTypes.QUEUE_EXPIRED -> List.of(revoke(event, AdmissionRecord.EXPIRED));
            case EventTypes.QUEUE_RESTORED -> List.of(revoke(event, AdmissionRecord.WAITING));
            default -> List.of();
        };
    }

    private TransactWriteItem revoke(EventEnvelope event, String status) {
        JsonNode payload = event.payload();
        Map<String, String> names = Map.of(
                "#token", Catalogue.ADMISSION_PARTITION_KEY,
                "#userId", AdmissionItems.USER_ID,
                "#concertId", AdmissionItems.CONCERT_ID,
                "#status", AdmissionItems.STATUS,
                "#lastSequence", AdmissionItems.LAST_SEQUENCE,
                "#expiresAt", Catalogue.ADMISSION_TTL_ATTRIBUTE);
        Map<String, AttributeValue> values = Map.of(
                ":userId", AttributeValue.fromS(required(payload, "userId")),
                ":concertId", AttributeValue.fromS(required(payload, "concertId")),
                ":status", AttributeValue.fromS(status),
                ":sequence", AttributeValue.fromN(Long.toString(event.sequence())),
                ":expiresAt", AttributeValue.fromN(Long.toString(event.occurredAt().plus(RETENTION).getEpochSecond())));
        return TransactWriteItem.builder().update(Update.builder()
                        .tableName(admissionTable)
                        .key(Map.of(Catalogue.ADMISSION_PARTITION_KEY, AttributeValue.fromS(required(payload, "token"))))
                        .updateExpression("SET #userId = :userId, #concertId = :concertId, #status = :status, "
                                + "#lastSequence = :sequence, #expiresAt = :expiresAt")
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

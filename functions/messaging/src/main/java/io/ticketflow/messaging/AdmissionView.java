package io.ticketflow.messaging;

import io.ticketflow.catalog.Catalogue;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A service's own view of whom the waiting queue admitted, fed by {@link AdmissionEventHandler}. Services check
 * it instead of calling the Queue service, which stays out of their request path.
 */
public final class AdmissionView {

    private final DynamoDbClient dynamoDb;
    private final String admissionTable;

    /** @param admissionTable physical table name */
    public AdmissionView(DynamoDbClient dynamoDb, String admissionTable) {
        this.dynamoDb = dynamoDb;
        this.admissionTable = admissionTable;
    }

    public Admission check(String queueToken, String userId, String concertId, Instant now) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                        .tableName(admissionTable)
                        .key(Map.of(Catalogue.ADMISSION_PARTITION_KEY, AttributeValue.fromS(queueToken)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return new Admission(Admission.Status.UNKNOWN_TOKEN, null);
        }
        return AdmissionItems.fromItem(item).judge(userId, concertId, now);
    }
}

package io.ticketflow.payment.adapter;

import static io.ticketflow.payment.adapter.PaymentItems.key;
import static io.ticketflow.payment.adapter.PaymentItems.n;
import static io.ticketflow.payment.adapter.PaymentItems.s;

import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.messaging.TransactionConflict;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.payment.domain.PaymentIntent;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.payment.domain.PaymentRequest;
import java.time.Clock;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payments on DynamoDB (layout: {@link PaymentItems}). A payment change and its event are one transaction through
 * the {@link OutboxWriter}; the conditions make a repeated change write nothing.
 */
public final class DynamoDbPaymentRepository implements PaymentRepository {

    private final DynamoDbClient dynamoDb;
    private final String intentsTable;
    private final String paymentsTable;
    private final String requestsTable;
    private final OutboxWriter outbox;
    private final PaymentEvents events;

    /** Table names are physical. */
    public DynamoDbPaymentRepository(DynamoDbClient dynamoDb, String intentsTable, String paymentsTable,
                                     String requestsTable, OutboxWriter outbox, JsonMapper json, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.intentsTable = intentsTable;
        this.paymentsTable = paymentsTable;
        this.requestsTable = requestsTable;
        this.outbox = outbox;
        this.events = new PaymentEvents(json, clock);
    }

    @Override
    public PaymentIntent saveIntent(PaymentIntent intent) {
        try {
            // the same wait delivered again must not move the deadline its first delivery set
            dynamoDb.putItem(request -> request.tableName(intentsTable).item(PaymentItems.intentItem(intent))
                    .conditionExpression("attribute_not_exists(#id) OR #taskToken <> :taskToken")
                    .expressionAttributeNames(Map.of("#id", PaymentItems.RESERVATION_ID,
                            "#taskToken", PaymentItems.TASK_TOKEN))
                    .expressionAttributeValues(Map.of(":taskToken", s(intent.taskToken()))));
            return intent;
        } catch (ConditionalCheckFailedException sameWait) {
            return findIntent(intent.reservationId()).orElseThrow(() -> new IllegalStateException(
                    "the intent of " + intent.reservationId() + " conflicted but cannot be read", sameWait));
        }
    }

    @Override
    public Optional<PaymentIntent> findIntent(String reservationId) {
        return get(intentsTable, key(PaymentItems.RESERVATION_ID, reservationId)).map(PaymentItems::intent);
    }

    @Override
    public Optional<Payment> findPayment(String paymentId) {
        return get(paymentsTable, key(PaymentItems.PAYMENT_ID, paymentId)).map(PaymentItems::payment);
    }

    @Override
    public Payment insertAuthorised(Payment authorised) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder()
                .tableName(paymentsTable)
                .item(PaymentItems.paymentItem(authorised))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", PaymentItems.PAYMENT_ID))
                .build()).build();
        try {
            outbox.write(List.of(put), List.of(events.of(authorised)));
            return authorised;
        } catch (TransactionConflict alreadyStored) {
            return findPayment(authorised.paymentId()).orElseThrow(() -> new IllegalStateException(
                    "payment " + authorised.paymentId() + " conflicted but cannot be read", alreadyStored));
        }
    }

    @Override
    public boolean saveChange(Payment next) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder()
                .tableName(paymentsTable)
                .item(PaymentItems.paymentItem(next))
                .conditionExpression("#version = :before")
                .expressionAttributeNames(Map.of("#version", PaymentItems.VERSION))
                .expressionAttributeValues(Map.of(":before", n(next.version() - 1)))
                .build()).build();
        try {
            outbox.write(List.of(put), List.of(events.of(next)));
            return true;
        } catch (TransactionConflict changedMeanwhile) {
            return false;
        }
    }

    @Override
    public Optional<PaymentRequest> findRequest(String requestKey) {
        return get(requestsTable, key(PaymentItems.REQUEST_KEY, requestKey)).map(PaymentItems::request);
    }

    @Override
    public Optional<PaymentRequest> recordFirst(PaymentRequest request) {
        try {
            dynamoDb.putItem(put -> put.tableName(requestsTable)
                    .item(PaymentItems.requestItem(request))
                    .conditionExpression("attribute_not_exists(#key)")
                    .expressionAttributeNames(Map.of("#key", PaymentItems.REQUEST_KEY)));
            return Optional.empty();
        } catch (ConditionalCheckFailedException usedBefore) {
            return Optional.of(findRequest(request.requestKey()).orElseThrow(() -> new IllegalStateException(
                    "request key in use but unreadable", usedBefore)));
        }
    }

    @Override
    public void recordOutcome(PaymentRequest settled) {
        Map<String, String> names = new HashMap<>(Map.of("#requestId", PaymentItems.REQUEST_ID,
                "#outcome", PaymentItems.OUTCOME));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":requestId", s(settled.requestId()),
                ":outcome", s(settled.outcome().name())));
        if (settled.error() != null) {
            names.put("#error", PaymentItems.ERROR);
            values.put(":error", s(settled.error()));
        }
        String update = settled.error() == null ? "SET #outcome = :outcome" : "SET #outcome = :outcome, #error = :error";
        try {
            dynamoDb.updateItem(request -> request.tableName(requestsTable)
                    .key(key(PaymentItems.REQUEST_KEY, settled.requestKey()))
                    .updateExpression(update)
                    .conditionExpression("#requestId = :requestId")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException notOurs) {
            // the key was released and taken by another request meanwhile: its outcome is not this one's
        }
    }

    @Override
    public void forgetRequest(PaymentRequest request) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(requestsTable)
                    .key(key(PaymentItems.REQUEST_KEY, request.requestKey()))
                    .conditionExpression("#requestId = :requestId")
                    .expressionAttributeNames(Map.of("#requestId", PaymentItems.REQUEST_ID))
                    .expressionAttributeValues(Map.of(":requestId", s(request.requestId()))));
        } catch (ConditionalCheckFailedException notOurs) {
            // another request holds the key now; it is not ours to remove
        }
    }

    private Optional<Map<String, AttributeValue>> get(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).key(key)
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}

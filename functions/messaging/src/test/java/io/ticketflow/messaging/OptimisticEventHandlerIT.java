package io.ticketflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import tools.jackson.databind.json.JsonMapper;

/**
 * A handler that declares {@link EventHandler#retriesOnConflict()}: a failed effect condition makes the consumer
 * ask for the effects again (read-modify-write lost a race) instead of acknowledging the event as stale.
 */
@ExtendWith(MotoExtension.class)
class OptimisticEventHandlerIT {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(EventMother.NOW, ZoneOffset.UTC);
    private AwsClients aws;
    private String viewTable;
    private String inboxTable;

    @BeforeEach
    void createTables(EmulatorEndpoint endpoint) {
        aws = FreshAccount.clients(endpoint);
        CatalogueProvisioner provisioning = new CatalogueProvisioner(aws.dynamoDb(), aws.sqs(), aws.settings(), KernelBeans.newJsonMapper());
        // any table keyed by a string "token" serves as the handler's view here
        viewTable = provisioning.table(Catalogue.table("reservation-admissions"));
        inboxTable = provisioning.table(Catalogue.table("reservation-inbox"));
        aws.dynamoDb().putItem(r -> r.tableName(viewTable).item(Map.of("token", AttributeValue.fromS("view"),
                "version", AttributeValue.fromN("1"))));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void effectThatLostARace_isRecomputedAndApplied_onceInTheInbox() {
        AtomicInteger calls = new AtomicInteger();
        // the first computation read a stale version (0); the second reads the current one (1)
        EventHandler handler = optimistic(event -> List.of(versionedPut(calls.getAndIncrement() == 0 ? 0 : 1)));

        SQSBatchResponse response = consumer(handler).apply(SqsBatches.of(body(EventMother.waiting("qt-1"))));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(calls).hasValue(2);
        assertThat(version()).isEqualTo(2);
        assertThat(inboxRecords()).isEqualTo(1);
    }

    @Test
    void effectThatKeepsLosing_failsTheMessageForRedelivery_andRecordsNothing() {
        AtomicInteger calls = new AtomicInteger();
        EventHandler handler = optimistic(event -> {
            calls.incrementAndGet();
            return List.of(versionedPut(0));
        });

        SQSBatchResponse response = consumer(handler).apply(SqsBatches.of(body(EventMother.waiting("qt-1"))));

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(calls).hasValue(EventConsumer.CONFLICT_ATTEMPTS);
        assertThat(version()).isEqualTo(1);
        assertThat(inboxRecords()).isZero();
    }

    private EventConsumer consumer(EventHandler handler) {
        return new EventConsumer(aws.dynamoDb(), inboxTable, handler, json, clock);
    }

    private TransactWriteItem versionedPut(long expectedVersion) {
        return TransactWriteItem.builder().put(Put.builder().tableName(viewTable)
                .item(Map.of("token", AttributeValue.fromS("view"), "version", AttributeValue.fromN(Long.toString(expectedVersion + 1))))
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))))
                .build()).build();
    }

    private long version() {
        return Long.parseLong(aws.dynamoDb().getItem(r -> r.tableName(viewTable).consistentRead(true)
                .key(Map.of("token", AttributeValue.fromS("view")))).item().get("version").n());
    }

    private int inboxRecords() {
        return aws.dynamoDb().scan(r -> r.tableName(inboxTable).select(Select.COUNT).consistentRead(true)).count();
    }

    private String body(EventEnvelope event) {
        return json.writeValueAsString(event);
    }

    private static EventHandler optimistic(EventHandler effects) {
        return new EventHandler() {
            @Override
            public List<TransactWriteItem> effects(EventEnvelope event) {
                return effects.effects(event);
            }

            @Override
            public boolean retriesOnConflict() {
                return true;
            }
        };
    }
}

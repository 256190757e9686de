package io.ticketflow.messaging;

import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import static io.ticketflow.messaging.EventMother.activated;
import static io.ticketflow.messaging.EventMother.expired;
import static io.ticketflow.messaging.EventMother.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(MotoExtension.class)
class OutboxWriterIT {

    private final JsonMapper json = JsonMapper.builder().build();
    private AwsClients aws;
    private String stateTable;
    private String outboxTable;
    private OutboxWriter outbox;
    private EventStore store;

    @BeforeEach
    void createTables(EmulatorEndpoint endpoint) {
        aws = FreshAccount.clients(endpoint);
        CatalogueProvisioner provisioning = new CatalogueProvisioner(aws.dynamoDb(), aws.sqs(), aws.settings(), KernelBeans.newJsonMapper());
        stateTable = provisioning.table(Catalogue.table("queue-tokens"));
        outboxTable = provisioning.table(Catalogue.table("queue-events"));
        outbox = new OutboxWriter(aws.dynamoDb(), outboxTable, json);
        store = new EventStore(aws.dynamoDb(), outboxTable, json);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void stateChangeWithItsEvent_isStoredTogether_andTheEventReadsBackUnchanged() {
        EventEnvelope event = waiting("qt-1");

        outbox.write(List.of(newToken("qt-1")), List.of(event));

        assertThat(itemCount(stateTable)).isEqualTo(1);
        assertThat(store.events("qt-1")).containsExactly(event);
    }

    @Test
    void failingStateCondition_writesNeitherStateNorEvent_andNamesTheFailedItem() {
        outbox.write(List.of(newToken("qt-1")), List.of());

        TransactionConflict conflict = catchThrowableOfType(TransactionConflict.class,
                () -> outbox.write(List.of(newToken("qt-2"), newToken("qt-1")), List.of(waiting("qt-2"))));

        assertThat(conflict.failedItemIndexes()).containsExactly(1);
        assertThat(itemCount(stateTable)).isEqualTo(1);
        assertThat(itemCount(outboxTable)).isZero();
    }

    @Test
    void eventWithASequenceAlreadyWritten_isRejectedWithItsStateChange_indexCountedAfterTheStateChanges() {
        outbox.write(List.of(), List.of(waiting("qt-1")));

        TransactionConflict conflict = catchThrowableOfType(TransactionConflict.class,
                () -> outbox.write(List.of(newToken("qt-1")), List.of(waiting("qt-1"))));

        assertThat(conflict.failedItemIndexes()).containsExactly(1);
        assertThat(itemCount(stateTable)).isZero();
        assertThat(store.events("qt-1")).hasSize(1);
    }

    @Test
    void eventStore_returnsAnAggregatesHistoryInSequenceOrder_andStreamsAllEventsForReplay() {
        outbox.write(List.of(), List.of(expired("qt-1", 3)));
        outbox.write(List.of(), List.of(waiting("qt-1"), activated("qt-1", 2, EventMother.NOW.plusSeconds(300))));
        outbox.write(List.of(), List.of(waiting("qt-2")));

        assertThat(store.events("qt-1")).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L);
        assertThat(store.events("qt-unknown")).isEmpty();
        assertThat(store.all()).extracting(e -> e.aggregateId() + "#" + e.sequence())
                .containsExactlyInAnyOrder("qt-1#1", "qt-1#2", "qt-1#3", "qt-2#1");
    }

    private TransactWriteItem newToken(String token) {
        return TransactWriteItem.builder().put(Put.builder().tableName(stateTable)
                        .item(Map.of("pk", AttributeValue.fromS("TOKEN#" + token), "status", AttributeValue.fromS("WAITING")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    private int itemCount(String table) {
        return aws.dynamoDb().scan(request -> request.tableName(table)).count();
    }
}

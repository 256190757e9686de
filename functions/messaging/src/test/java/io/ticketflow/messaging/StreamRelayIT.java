package io.ticketflow.messaging;

import io.ticketflow.kernel.observe.EmbeddedMetrics;
import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import static io.ticketflow.messaging.EventMother.restored;
import static io.ticketflow.messaging.EventMother.expired;
import static io.ticketflow.messaging.EventMother.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventSchemas;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(MotoExtension.class)
class StreamRelayIT {

    private static final String OUTBOX = "queue-events";
    private static final EventSchemas SCHEMAS = EventSchemas.load();

    private final JsonMapper json = JsonMapper.builder().build();
    private AwsClients aws;
    private CatalogueProvisioner provisioning;
    private OutboxWriter outbox;
    private StreamTail stream;
    private StreamRelay relay;

    @BeforeEach
    void createOutbox(EmulatorEndpoint endpoint) {
        aws = FreshAccount.clients(endpoint);
        provisioning = new CatalogueProvisioner(aws.dynamoDb(), aws.sqs(), aws.settings(), KernelBeans.newJsonMapper());
        String outboxTable = provisioning.table(Catalogue.table(OUTBOX));
        outbox = new OutboxWriter(aws.dynamoDb(), outboxTable, json);
        stream = new StreamTail(aws.dynamoDb(), aws.dynamoDbStreams(), outboxTable);
        relay = new StreamRelay(aws.sqs(), aws.settings(), OUTBOX, json,
                new EmbeddedMetrics("test", java.time.Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void expiredEvent_writtenToTheOutbox_reachesEveryRoutedQueueOnce_asAValidEnvelope() {
        List<String> routedQueues = Catalogue.queuesFor(OUTBOX, EventTypes.QUEUE_EXPIRED);
        routedQueues.forEach(queue -> provisioning.queue(Catalogue.queue(queue)));
        EventEnvelope expired = expired("qt-1", 3);

        outbox.write(List.of(), List.of(waiting("qt-1")));
        StreamsEventResponse first = relay.apply(StreamRecords.toEvent(stream.next(), stream.streamArn()));
        // a cancelled transaction between two reads: the moto caveat the poller's fresh iterator works around
        catchThrowableOfType(TransactionConflict.class, () -> outbox.write(List.of(), List.of(waiting("qt-1"))));
        outbox.write(List.of(), List.of(expired));
        StreamsEventResponse second = relay.apply(StreamRecords.toEvent(stream.next(), stream.streamArn()));

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(second.getBatchItemFailures()).isEmpty();
        assertThat(routedQueues).isNotEmpty().allSatisfy(queue -> {
            // the routed queues of this catalogue may take other QUEUE_* types too; the expiry is the one written here
            List<Message> messages = receiveAll(queue).stream()
                    .filter(m -> json.readValue(m.body(), EventEnvelope.class).type().equals(EventTypes.QUEUE_EXPIRED))
                    .toList();
            assertThat(messages).hasSize(1);
            assertThat(SCHEMAS.validate(json.readTree(messages.get(0).body()))).isEmpty();
            assertThat(json.readValue(messages.get(0).body(), EventEnvelope.class)).isEqualTo(expired);
        });
    }

    @Test
    void missingQueue_failsThatRecord_andLaterRecordsWaitForTheRetry() {
        outbox.write(List.of(), List.of(expired("qt-0", 3), restored("qt-1", 3)));
        outbox.write(List.of(), List.of(expired("qt-2", 3)));
        List<Record> records = stream.next();

        // QUEUE_EXPIRED and QUEUE_RESTORED go to the admission queues, so the first record already finds no queue
        StreamsEventResponse withoutQueue = relay.apply(StreamRecords.toEvent(records, stream.streamArn()));
        List<String> routedQueues = Catalogue.queuesFor(OUTBOX, EventTypes.QUEUE_EXPIRED);
        routedQueues.forEach(queue -> provisioning.queue(Catalogue.queue(queue)));
        // as Lambda does: the batch restarts at the reported record
        StreamsEventResponse retry = relay.apply(StreamRecords.toEvent(records, stream.streamArn()));

        assertThat(records).hasSize(3);
        assertThat(withoutQueue.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly(records.get(0).dynamodb().sequenceNumber());
        assertThat(retry.getBatchItemFailures()).isEmpty();
        assertThat(routedQueues).isNotEmpty().allSatisfy(queue -> assertThat(receiveAll(queue))
                .extracting(m -> json.readValue(m.body(), EventEnvelope.class).aggregateId())
                .containsExactlyInAnyOrder("qt-0", "qt-1", "qt-2"));
    }

    private List<Message> receiveAll(String queue) {
        String url = provisioning.queueUrl(queue);
        return aws.sqs().receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    }
}

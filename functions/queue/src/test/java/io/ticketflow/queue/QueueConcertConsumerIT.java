package io.ticketflow.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.messaging.EventConsumer;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueProblems;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.TokenStatus;
import io.ticketflow.queue.function.ConcertPublishedHandler;
import io.ticketflow.queue.function.EnterQueue;
import io.ticketflow.queue.function.EnterQueueFunction;
import io.ticketflow.queue.function.OpenQueueFunction;
import io.ticketflow.queue.function.QueueTicket;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CONCERT_PUBLISHED opens the concert's waiting queue, so nobody opens queues by hand. */
@ExtendWith(MotoExtension.class)
class QueueConcertConsumerIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);
    private static final QueuePolicy POLICY = new QueuePolicy(100, 1000, Duration.ofMinutes(5), Duration.ofSeconds(10));
    /** The sample's aggregate. */
    private static final String CONCERT = "concert-1";

    private static QueueFixture fixture;
    private static EventConsumer consumer;
    private static EnterQueueFunction enter;

    @BeforeAll
    static void createTables(EmulatorEndpoint endpoint) {
        fixture = QueueFixture.withTables(endpoint);
        new CatalogueProvisioner(fixture.aws.dynamoDb(), null, fixture.settings, fixture.json)
                .table(Catalogue.table(QueueResources.INBOX_TABLE));
        QueueRepository queues = fixture.repository(CLOCK);
        consumer = new EventConsumer(fixture.aws.dynamoDb(), fixture.settings.physicalName(QueueResources.INBOX_TABLE),
                new ConcertPublishedHandler(new OpenQueueFunction(queues)), fixture.json, CLOCK);
        enter = new EnterQueueFunction(queues, POLICY, QueueFixture.PASSES);
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void concertPublished_consumedTwice_opensTheQueueOnce_andAnEnterThenSucceeds() throws IOException {
        assertThatThrownBy(() -> enter.apply(new EnterQueue(CONCERT, "user-1")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.type()).isEqualTo(QueueProblems.UNKNOWN_CONCERT));
        SQSEvent batch = batchOf(publishedSample());

        SQSBatchResponse first = consumer.apply(batch);
        SQSBatchResponse redelivered = consumer.apply(batch);
        QueueTicket ticket = enter.apply(new EnterQueue(CONCERT, "user-1"));

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(redelivered.getBatchItemFailures()).isEmpty();
        assertThat(ticket.status()).isEqualTo(TokenStatus.WAITING);
        assertThat(ticket.position()).isEqualTo(1);
        assertThat(fixture.repository(CLOCK).openQueues()).containsExactly(CONCERT);
    }

    @Test
    void otherEventType_onTheConcertQueue_opensNothing() {
        String body = "{\"eventId\":\"0f0e0d0c-0b0a-4909-8807-060504030201\",\"type\":\"QUEUE_WAITING\",\"source\":\"queue\","
                + "\"aggregateId\":\"qt-x\",\"sequence\":1,\"occurredAt\":\"2026-11-25T18:00:00Z\",\"correlationId\":\"c\","
                + "\"payload\":{\"token\":\"qt-x\"}}";

        SQSBatchResponse response = consumer.apply(batchOf(body));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(fixture.repository(CLOCK).openQueues()).doesNotContain("qt-x");
    }

    private static String publishedSample() throws IOException {
        return Files.readString(Path.of(System.getProperty("ticketflow.root"), "events", "samples", "CONCERT_PUBLISHED.json"));
    }

    private static SQSEvent batchOf(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-0");
        message.setBody(body);
        message.setEventSource("aws:sqs");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}

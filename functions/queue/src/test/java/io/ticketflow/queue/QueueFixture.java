package io.ticketflow.queue;

import io.ticketflow.kernel.testing.TestPasses;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventSchemas;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.messaging.EventStore;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.queue.adapter.DynamoDbQueueRepository;
import io.ticketflow.queue.domain.CounterShards;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.function.EnterQueue;
import io.ticketflow.queue.function.EnterQueueFunction;
import io.ticketflow.queue.function.OpenQueue;
import io.ticketflow.queue.function.OpenQueueFunction;
import io.ticketflow.queue.function.QueueTicket;
import io.ticketflow.testsupport.EmulatorEndpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import tools.jackson.databind.json.JsonMapper;

/** The Queue service's real adapters against the emulator, with the tables created once per test class. */
public final class QueueFixture implements AutoCloseable {

    /** The queue's key pair in tests; {@link #PASSES} signs with it. */
    public static final TestPasses KEYS = new TestPasses();
    /** The passes an ACTIVE token's answer carries, signed with {@link #KEYS}. */
    public static final QueueTicket.Passes PASSES = new QueueTicket.Passes(KEYS.signer(), Clock.systemUTC());

    private static final EventSchemas SCHEMAS = EventSchemas.load();

    public final AwsSettings settings;
    public final AwsClients aws;
    public final JsonMapper json = KernelBeans.newJsonMapper();

    private QueueFixture(EmulatorEndpoint endpoint, List<ExecutionInterceptor> interceptors) {
        this.settings = new AwsSettings(endpoint.uri(), endpoint.region(), "it-");
        this.aws = new AwsClients(settings, interceptors);
    }

    public static QueueFixture withTables(EmulatorEndpoint endpoint, ExecutionInterceptor... interceptors) {
        QueueFixture fixture = new QueueFixture(endpoint, List.of(interceptors));
        QueueTables.create(fixture.aws.dynamoDb(), fixture.settings);
        return fixture;
    }

    /** Queues it opens have one counter shard: seqs follow the order of enters exactly. */
    public QueueRepository repository(Clock clock) {
        return repository(clock, CounterShards.SINGLE);
    }

    public QueueRepository repository(Clock clock, CounterShards newQueueShards) {
        return new DynamoDbQueueRepository(aws.dynamoDb(), tokensTable(),
                new OutboxWriter(aws.dynamoDb(), eventsTable(), json), json, clock, newQueueShards);
    }

    /** As an instance whose first enter into each queue takes shard 0, then the next: which shard gets what is known. */
    public QueueRepository repositoryFromShardZero(Clock clock, CounterShards newQueueShards) {
        return new DynamoDbQueueRepository(aws.dynamoDb(), tokensTable(),
                new OutboxWriter(aws.dynamoDb(), eventsTable(), json), json, clock, newQueueShards, count -> 0);
    }

    /** Opens the concert's queue and enters users {@code <concert>-user-0 … -<users-1>}, in that order. */
    public static List<QueueTicket> queueOf(QueueRepository queues, QueuePolicy policy, String concertId, int users) {
        new OpenQueueFunction(queues).apply(new OpenQueue(concertId));
        return enter(queues, policy, concertId, 0, users);
    }

    /** Enters users {@code <concert>-user-<firstUser> …} into an open queue, in that order. */
    public static List<QueueTicket> enter(QueueRepository queues, QueuePolicy policy, String concertId, int firstUser,
                                          int users) {
        EnterQueueFunction enter = new EnterQueueFunction(queues, policy, PASSES);
        List<QueueTicket> tickets = new ArrayList<>();
        for (int i = firstUser; i < firstUser + users; i++) {
            tickets.add(enter.apply(new EnterQueue(concertId, concertId + "-user-" + i)));
        }
        return tickets;
    }

    public String tokensTable() {
        return settings.physicalName(QueueResources.TOKENS_TABLE);
    }

    public String eventsTable() {
        return settings.physicalName(QueueResources.EVENTS_TABLE);
    }

    public List<EventEnvelope> events(String token) {
        return new EventStore(aws.dynamoDb(), eventsTable(), json).events(token);
    }

    /** Every event in the outbox, each checked against its JSON Schema first. */
    public List<EventEnvelope> allEventsValidated() {
        List<EventEnvelope> events = new EventStore(aws.dynamoDb(), eventsTable(), json).all().toList();
        events.forEach(event -> SCHEMAS.assertValid(json.valueToTree(event)));
        return events;
    }

    public List<EventEnvelope> allEventsValidated(String type) {
        return allEventsValidated().stream().filter(event -> event.type().equals(type)).toList();
    }

    public int itemCount() {
        return QueueTables.count(aws.dynamoDb(), tokensTable()) + QueueTables.count(aws.dynamoDb(), eventsTable());
    }

    @Override
    public void close() {
        aws.close();
    }
}

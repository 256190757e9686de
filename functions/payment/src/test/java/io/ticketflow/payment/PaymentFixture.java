package io.ticketflow.payment;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventSchemas;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.testing.TestPasses;
import io.ticketflow.messaging.AdmissionGate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.ticketflow.messaging.EventMother;
import io.ticketflow.messaging.EventStore;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.payment.adapter.DynamoDbPaymentRepository;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.testsupport.EmulatorEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.Select;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Payment service's real adapters against moto, with its tables created as the catalogue declares them under
 * a prefix of their own (moto is shared by the test classes of one JVM).
 */
public final class PaymentFixture implements AutoCloseable {

    /** The user and concert the admission events of {@link EventMother} are about. */
    public static final String USER = EventMother.USER;
    public static final String CONCERT = EventMother.CONCERT;

    private static final EventSchemas SCHEMAS = EventSchemas.load();

    public final AwsSettings settings;
    public final AwsClients aws;
    public final JsonMapper json = KernelBeans.newJsonMapper();
    private final TestPasses queue = new TestPasses();
    private final Map<String, String> passByToken = new ConcurrentHashMap<>();

    private PaymentFixture(EmulatorEndpoint endpoint) {
        this.settings = new AwsSettings(endpoint.uri(), endpoint.region(),
                "it-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        this.aws = new AwsClients(settings);
    }

    public static PaymentFixture withTables(EmulatorEndpoint endpoint) {
        PaymentFixture fixture = new PaymentFixture(endpoint);
        CatalogueProvisioner provisioner = new CatalogueProvisioner(fixture.aws.dynamoDb(), fixture.aws.sqs(),
                fixture.settings, fixture.json);
        Catalogue.service(io.ticketflow.catalog.Service.PAYMENT).orElseThrow().tables().forEach(provisioner::table);
        return fixture;
    }

    public PaymentRepository repository(Clock clock) {
        return new DynamoDbPaymentRepository(aws.dynamoDb(), table(PaymentResources.INTENTS_TABLE),
                table(PaymentResources.PAYMENTS_TABLE), table(PaymentResources.IDEMPOTENCY_TABLE),
                new OutboxWriter(aws.dynamoDb(), table(PaymentResources.EVENTS_TABLE), json), json, clock);
    }

    /** Payment's gate, trusting the passes of {@link #admit}. */
    public AdmissionGate admissions() {
        return new AdmissionGate(AdmissionKeys.verifier(queue.properties()::get, aws::kms), aws.dynamoDb(),
                table(PaymentResources.ADMISSIONS_TABLE));
    }

    /** Both halves of the queue's key, for a Payment context that should trust {@link #admit}'s passes. */
    public Map<String, String> passKeys() {
        return queue.properties();
    }

    /** The queue admits {@link #USER} to {@link #CONCERT} with this token: {@link #passOf} gives its signed pass. */
    public String admit(String token) {
        passByToken.put(token, queue.issue(USER, CONCERT, token, 2, Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS)));
        return token;
    }

    public String passOf(String token) {
        return passByToken.get(token);
    }

    public String table(String logical) {
        return settings.physicalName(logical);
    }

    /** Every event in the outbox, each checked against its JSON Schema first. */
    public List<EventEnvelope> eventsValidated() {
        List<EventEnvelope> events = new EventStore(aws.dynamoDb(), table(PaymentResources.EVENTS_TABLE), json).all().toList();
        events.forEach(event -> SCHEMAS.assertValid(json.valueToTree(event)));
        return events;
    }

    public List<EventEnvelope> eventsValidated(String reservationId) {
        return eventsValidated().stream().filter(e -> e.correlationId().equals(reservationId)).toList();
    }

    public int count(String logicalTable) {
        return aws.dynamoDb().scanPaginator(r -> r.tableName(table(logicalTable)).select(Select.COUNT).consistentRead(true))
                .stream().mapToInt(page -> page.count()).sum();
    }

    @Override
    public void close() {
        aws.close();
    }
}

package io.ticketflow.point;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.PointResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventSchemas;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.messaging.EventStore;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.point.adapter.DynamoDbPointRepository;
import io.ticketflow.point.domain.EarnRate;
import io.ticketflow.point.domain.PointBook;
import io.ticketflow.point.domain.PointRepository;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import tools.jackson.databind.json.JsonMapper;

/** The Point service's real adapters against the emulator, its tables created as the catalogue declares them. */
public final class PointFixture implements AutoCloseable {

    private static final EventSchemas SCHEMAS = EventSchemas.load();

    public final AwsSettings settings;
    public final AwsClients aws;
    public final JsonMapper json = KernelBeans.newJsonMapper();

    private PointFixture(URI endpoint, String region, String prefix) {
        this.settings = new AwsSettings(endpoint, region, prefix);
        this.aws = new AwsClients(settings);
    }

    public static PointFixture withTables(URI endpoint, String region, String prefix) {
        PointFixture fixture = new PointFixture(endpoint, region, prefix);
        CatalogueProvisioner provisioner = new CatalogueProvisioner(fixture.aws.dynamoDb(), null, fixture.settings,
                fixture.json);
        provisioner.table(Catalogue.table(PointResources.ACCOUNTS_TABLE));
        provisioner.table(Catalogue.table(PointResources.EVENTS_TABLE));
        return fixture;
    }

    public PointRepository repository(Clock clock) {
        return new DynamoDbPointRepository(aws.dynamoDb(), accountsTable(),
                new OutboxWriter(aws.dynamoDb(), eventsTable(), json), json, clock);
    }

    public PointBook book(Clock clock) {
        return book(clock, new EarnRate(EarnRate.DEFAULT_PERCENT));
    }

    public PointBook book(Clock clock, EarnRate earnRate) {
        return new PointBook(repository(clock), earnRate, clock);
    }

    public String accountsTable() {
        return settings.physicalName(PointResources.ACCOUNTS_TABLE);
    }

    public String eventsTable() {
        return settings.physicalName(PointResources.EVENTS_TABLE);
    }

    /** The user's events, oldest first, each checked against its JSON Schema. */
    public List<EventEnvelope> eventsValidated(String userId) {
        List<EventEnvelope> events = new EventStore(aws.dynamoDb(), eventsTable(), json).events(userId);
        events.forEach(event -> SCHEMAS.assertValid(json.valueToTree(event)));
        return events;
    }

    /** The accounts table's item as stored (consistent read), or an empty map. */
    public Map<String, AttributeValue> accountItem(String userId, String sortKey) {
        return aws.dynamoDb().getItem(r -> r.tableName(accountsTable()).consistentRead(true).key(Map.of(
                "userId", AttributeValue.fromS(userId), "sk", AttributeValue.fromS(sortKey)))).item();
    }

    /** Items in both tables, by a consistent scan: "nothing written" is this number not moving. */
    public int itemCount() {
        return count(accountsTable()) + count(eventsTable());
    }

    private int count(String table) {
        return aws.dynamoDb().scanPaginator(r -> r.tableName(table).select(Select.COUNT).consistentRead(true))
                .stream().mapToInt(page -> page.count()).sum();
    }

    @Override
    public void close() {
        aws.close();
    }
}

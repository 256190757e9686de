package io.ticketflow.concert;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.concert.adapter.ConcertEvents;
import io.ticketflow.concert.adapter.DynamoDbConcertCatalog;
import io.ticketflow.concert.adapter.DynamoDbSeatMapStore;
import io.ticketflow.concert.adapter.SeatMapProjector;
import io.ticketflow.concert.adapter.SeatMapReplay;
import io.ticketflow.concert.domain.ConcertCatalog;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventSchemas;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.messaging.EventConsumer;
import io.ticketflow.messaging.EventStore;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.testsupport.EmulatorEndpoint;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Concert service's real adapters against the emulator. Each fixture has a resource prefix of its own, so
 * test classes sharing one moto never see each other's tables. The Reservation service's outbox is created too:
 * tests write reservation events into it as that service would, for the projector and the replay.
 */
public final class ConcertFixture implements AutoCloseable {

    private static final EventSchemas SCHEMAS = EventSchemas.load();

    public final AwsSettings settings;
    public final AwsClients aws;
    public final JsonMapper json = KernelBeans.newJsonMapper();

    private ConcertFixture(EmulatorEndpoint endpoint) {
        this.settings = new AwsSettings(endpoint.uri(), endpoint.region(), "it-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        this.aws = new AwsClients(settings);
    }

    public static ConcertFixture withTables(EmulatorEndpoint endpoint) {
        ConcertFixture fixture = new ConcertFixture(endpoint);
        CatalogueProvisioner provisioner = new CatalogueProvisioner(fixture.aws.dynamoDb(), fixture.aws.sqs(), fixture.settings, fixture.json);
        provisioner.provision(List.of(
                Catalogue.table(ConcertResources.CATALOG_TABLE),
                Catalogue.table(ConcertResources.SEAT_MAPS_TABLE),
                Catalogue.table(ConcertResources.EVENTS_TABLE),
                Catalogue.table(ConcertResources.INBOX_TABLE),
                Catalogue.table(ConcertResources.RESERVATION_EVENTS_TABLE)), List.of());
        return fixture;
    }

    public DynamoDbSeatMapStore seatMaps() {
        return new DynamoDbSeatMapStore(aws.dynamoDb(), settings.physicalName(ConcertResources.SEAT_MAPS_TABLE));
    }

    public ConcertCatalog catalog(Clock clock) {
        return new DynamoDbConcertCatalog(aws.dynamoDb(), settings.physicalName(ConcertResources.CATALOG_TABLE), seatMaps(),
                new OutboxWriter(aws.dynamoDb(), settings.physicalName(ConcertResources.EVENTS_TABLE), json),
                new ConcertEvents(json, clock));
    }

    /** The seatMapProjector as deployed: the messaging consumer over the projector. */
    public EventConsumer projector(Clock clock) {
        return new EventConsumer(aws.dynamoDb(), settings.physicalName(ConcertResources.INBOX_TABLE),
                new SeatMapProjector(seatMaps(), clock), json, clock);
    }

    public SeatMapReplay replay(Clock clock) {
        return ConcertFunctions.replay(aws, settings, json, clock);
    }

    /** Stores reservation events in the Reservation outbox through its writer, up to 100 per transaction. */
    public void storeReservationEvents(List<EventEnvelope> events) {
        OutboxWriter reservationOutbox = new OutboxWriter(aws.dynamoDb(),
                settings.physicalName(ConcertResources.RESERVATION_EVENTS_TABLE), json);
        for (int from = 0; from < events.size(); from += 100) {
            reservationOutbox.write(List.of(), events.subList(from, Math.min(from + 100, events.size())));
        }
    }

    /** The Concert outbox, each event checked against its JSON Schema first. */
    public List<EventEnvelope> concertEventsValidated() {
        List<EventEnvelope> events = new EventStore(aws.dynamoDb(), settings.physicalName(ConcertResources.EVENTS_TABLE), json)
                .all().toList();
        events.forEach(this::assertValid);
        return events;
    }

    public void assertValid(EventEnvelope event) {
        SCHEMAS.assertValid(json.valueToTree(event));
    }

    public String body(EventEnvelope event) {
        return json.writeValueAsString(event);
    }

    @Override
    public void close() {
        aws.close();
    }
}

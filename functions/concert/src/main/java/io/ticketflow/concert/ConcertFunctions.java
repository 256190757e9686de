package io.ticketflow.concert;

import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.concert.adapter.ConcertEvents;
import io.ticketflow.concert.adapter.DynamoDbConcertCatalog;
import io.ticketflow.concert.adapter.DynamoDbSeatMapStore;
import io.ticketflow.concert.adapter.SeatMapProjector;
import io.ticketflow.concert.adapter.SeatMapReplay;
import io.ticketflow.concert.domain.ConcertCatalog;
import io.ticketflow.concert.domain.SeatMapCache;
import io.ticketflow.concert.function.ConcertPublished;
import io.ticketflow.concert.function.ConcertToPublish;
import io.ticketflow.concert.function.ListConcerts;
import io.ticketflow.concert.function.ListConcertsFunction;
import io.ticketflow.concert.function.ListSchedulesFunction;
import io.ticketflow.concert.function.PublishConcertFunction;
import io.ticketflow.concert.function.PublishConcertRequest;
import io.ticketflow.concert.function.ReplayReport;
import io.ticketflow.concert.function.ReplaySeatMaps;
import io.ticketflow.concert.function.ReplaySeatMapsFunction;
import io.ticketflow.concert.function.ScheduleQuery;
import io.ticketflow.concert.function.SeatMapFunction;
import io.ticketflow.concert.function.SeatMapQuery;
import io.ticketflow.kernel.observe.EmbeddedMetrics;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.FunctionBeans;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.messaging.EventConsumer;
import io.ticketflow.messaging.EventStore;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.messaging.StreamRelay;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Concert service's functions, registered in code by their catalogue names: the Lambda start class of the
 * concert jar, and one of the initializers the local runtime runs together.
 */
public final class ConcertFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    /**
     * Not catalogue routes: the local seed and the tests publish concerts directly (operators through
     * {@code adminPublishConcert}), an operator replays the seat maps.
     */
    public static final String PUBLISH_CONCERT = "publishConcert";
    public static final String REPLAY_SEAT_MAPS = "replaySeatMaps";

    /** The per-container seat-map cache; its {@code stats()} are the hit/miss counters. */
    public static final String SEAT_MAP_CACHE = "concertSeatMapCache";
    static final String SEAT_MAP_STORE = "concertSeatMapStore";
    static final String CATALOG = "concertCatalog";

    @Override
    public void initialize(GenericApplicationContext ctx) {
        KernelBeans.register(ctx);
        ctx.registerBean(SEAT_MAP_STORE, DynamoDbSeatMapStore.class, () -> new DynamoDbSeatMapStore(
                aws(ctx).dynamoDb(), settings(ctx).physicalName(ConcertResources.SEAT_MAPS_TABLE)));
        ctx.registerBean(SEAT_MAP_CACHE, SeatMapCache.class, () -> new SeatMapCache(seatMapStore(ctx),
                ConcertSettings.seatMapCacheTtl(ctx.getEnvironment()::getProperty), clock(ctx)));
        ctx.registerBean(CATALOG, ConcertCatalog.class, () -> new DynamoDbConcertCatalog(aws(ctx).dynamoDb(),
                settings(ctx).physicalName(ConcertResources.CATALOG_TABLE), seatMapStore(ctx),
                new OutboxWriter(aws(ctx).dynamoDb(), settings(ctx).physicalName(ConcertResources.EVENTS_TABLE), json(ctx)),
                new ConcertEvents(json(ctx), clock(ctx))));

        FunctionBeans.http(ctx, ConcertResources.LIST_CONCERTS, () -> HttpEndpoint
                .of(ListConcerts::from, new ListConcertsFunction(catalog(ctx))));
        FunctionBeans.http(ctx, ConcertResources.LIST_SCHEDULES, () -> HttpEndpoint
                .of(ScheduleQuery::from, new ListSchedulesFunction(catalog(ctx), seatMapCache(ctx), clock(ctx))));
        FunctionBeans.http(ctx, ConcertResources.SEAT_MAP, () -> HttpEndpoint
                .of(SeatMapQuery::from, new SeatMapFunction(seatMapCache(ctx), clock(ctx)))
                .status(view -> view.notModified() ? 304 : 200)
                .headers(view -> Map.of("etag", view.etag())));
        FunctionBeans.task(ctx, PUBLISH_CONCERT, ConcertToPublish.class, ConcertPublished.class,
                () -> new PublishConcertFunction(catalog(ctx)));
        FunctionBeans.http(ctx, ConcertResources.ADMIN_PUBLISH_CONCERT, () -> HttpEndpoint
                .of(request -> PublishConcertRequest.from(request, json(ctx)), new PublishConcertFunction(catalog(ctx)))
                .status(outcome -> outcome.published() ? 201 : 200));
        FunctionBeans.task(ctx, REPLAY_SEAT_MAPS, ReplaySeatMaps.class, ReplayReport.class,
                () -> new ReplaySeatMapsFunction(replay(ctx), seatMapStore(ctx)));
        FunctionBeans.sqs(ctx, ConcertResources.SEAT_MAP_PROJECTOR, () -> new EventConsumer(aws(ctx).dynamoDb(),
                settings(ctx).physicalName(ConcertResources.INBOX_TABLE), new SeatMapProjector(seatMapStore(ctx), clock(ctx)),
                json(ctx), clock(ctx)));
        FunctionBeans.stream(ctx, ConcertResources.CONCERT_EVENTS_RELAY, () -> new StreamRelay(
                aws(ctx).sqs(), settings(ctx), ConcertResources.EVENTS_TABLE, json(ctx),
                ctx.getBean(EmbeddedMetrics.class)));
    }

    /** The replay over this deployment's event stores (also used by tests and tools outside Spring). */
    public static SeatMapReplay replay(AwsClients aws, AwsSettings settings, JsonMapper json, Clock clock) {
        return new SeatMapReplay(
                new EventStore(aws.dynamoDb(), settings.physicalName(ConcertResources.EVENTS_TABLE), json),
                new EventStore(aws.dynamoDb(), settings.physicalName(ConcertResources.RESERVATION_EVENTS_TABLE), json),
                new ConcertEvents(json, clock),
                new DynamoDbSeatMapStore(aws.dynamoDb(), settings.physicalName(ConcertResources.SEAT_MAPS_TABLE)), clock);
    }

    private static SeatMapReplay replay(GenericApplicationContext ctx) {
        return replay(aws(ctx), settings(ctx), json(ctx), clock(ctx));
    }

    private static AwsClients aws(GenericApplicationContext ctx) {
        return ctx.getBean(AwsClients.class);
    }

    private static AwsSettings settings(GenericApplicationContext ctx) {
        return ctx.getBean(AwsSettings.class);
    }

    private static JsonMapper json(GenericApplicationContext ctx) {
        return ctx.getBean(KernelBeans.JSON_MAPPER, JsonMapper.class);
    }

    private static Clock clock(GenericApplicationContext ctx) {
        return ctx.getBean(KernelBeans.CLOCK, Clock.class);
    }

    private static ConcertCatalog catalog(GenericApplicationContext ctx) {
        return ctx.getBean(CATALOG, ConcertCatalog.class);
    }

    private static DynamoDbSeatMapStore seatMapStore(GenericApplicationContext ctx) {
        return ctx.getBean(SEAT_MAP_STORE, DynamoDbSeatMapStore.class);
    }

    private static SeatMapCache seatMapCache(GenericApplicationContext ctx) {
        return ctx.getBean(SEAT_MAP_CACHE, SeatMapCache.class);
    }
}

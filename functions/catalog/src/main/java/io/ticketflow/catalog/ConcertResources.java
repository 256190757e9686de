package io.ticketflow.catalog;

import static io.ticketflow.catalog.Grant.consumes;
import static io.ticketflow.catalog.Grant.reads;
import static io.ticketflow.catalog.Grant.relays;
import static io.ticketflow.catalog.Grant.sends;
import static io.ticketflow.catalog.Grant.writes;
import static io.ticketflow.catalog.KeyAttribute.number;
import static io.ticketflow.catalog.KeyAttribute.string;

import java.util.List;

/**
 * Concert service: the catalogue (concerts, schedules, seats), the seat-map read model, and its outbox.
 *
 * <p>{@code concert-catalog} is one table with a composite key: {@code pk = "CONCERTS"}, {@code sk = concertId}
 * holds a concert (so listing concerts is one Query); {@code pk = "CONCERT#" + concertId}, {@code sk = "SCHEDULE#" + scheduleId}
 * holds a schedule with its seats (grade and price).
 *
 * <p>{@code concert-seat-maps} is the read model projected from reservation events, in items bounded whatever the
 * hall: {@code pk = scheduleId}, {@code sk = block} holds up to 100 seats (see the kernel's {@code SeatBlocks}), so
 * a seat map is one Query and a change rewrites only its blocks. Each reservation's last applied event sequence is
 * a small item of its own, {@code pk = "applied#" + scheduleId + "#" + reservationId}, {@code sk = 0}: apart from
 * the blocks so the seat-map Query never walks them, and expiring ({@code expiresAt}) once no redelivery can come.
 */
public final class ConcertResources {

    public static final String CATALOG_TABLE = "concert-catalog";
    public static final String SEAT_MAPS_TABLE = "concert-seat-maps";
    public static final String SEAT_MAPS_PARTITION_KEY = "pk";
    public static final String SEAT_MAPS_SORT_KEY = "sk";
    public static final String SEAT_MAPS_TTL_ATTRIBUTE = "expiresAt";
    public static final String EVENTS_TABLE = "concert-events";
    public static final String INBOX_TABLE = "concert-inbox";
    public static final String RESERVATION_EVENTS_QUEUE = "concert-reservation-events";
    public static final String RELAY_FAILURES_QUEUE = "concert-relay-failures";

    public static final String LIST_CONCERTS = "listConcerts";
    public static final String LIST_SCHEDULES = "listSchedules";
    public static final String SEAT_MAP = "seatMap";
    public static final String SEAT_MAP_PROJECTOR = "seatMapProjector";
    public static final String CONCERT_EVENTS_RELAY = "concertEventsRelay";
    /** The operator's publish: the same action as the seed's {@code publishConcert}, behind an admin route. */
    public static final String ADMIN_PUBLISH_CONCERT = "adminPublishConcert";

    /** The Reservation service's outbox, whose events feed the seat maps (and the replay reads). */
    public static final String RESERVATION_EVENTS_TABLE = ReservationResources.EVENTS_TABLE;
    static final List<String> PROJECTED_RESERVATION_EVENTS = List.of(
            "RESERVATION_CREATED", "RESERVATION_CANCELLED", "RESERVATION_EXPIRED", "RESERVATION_CONFIRMED");

    private ConcertResources() {
    }

    static ServiceResources declare() {
        return new ServiceResources(
                Service.CONCERT,
                List.of(
                        new TableSpec(CATALOG_TABLE, Service.CONCERT, string("pk"), string("sk"), List.of(), false, null),
                        new TableSpec(SEAT_MAPS_TABLE, Service.CONCERT, string(SEAT_MAPS_PARTITION_KEY), number(SEAT_MAPS_SORT_KEY),
                                List.of(), false, SEAT_MAPS_TTL_ATTRIBUTE),
                        Catalogue.outboxTable(EVENTS_TABLE, Service.CONCERT),
                        Catalogue.inboxTable(INBOX_TABLE, Service.CONCERT)),
                List.of(new QueueSpec(RESERVATION_EVENTS_QUEUE, Service.CONCERT, 30, 5),
                        new QueueSpec(RELAY_FAILURES_QUEUE, Service.CONCERT, 30, 3)),
                List.of(
                        FunctionSpec.of(LIST_CONCERTS, Service.CONCERT, FunctionKind.HTTP).uses(reads(CATALOG_TABLE)),
                        FunctionSpec.of(LIST_SCHEDULES, Service.CONCERT, FunctionKind.HTTP)
                                .uses(reads(CATALOG_TABLE), reads(SEAT_MAPS_TABLE)),
                        FunctionSpec.of(SEAT_MAP, Service.CONCERT, FunctionKind.HTTP).uses(reads(SEAT_MAPS_TABLE)),
                        // publishing only writes, each item under a condition: a repeat finds what the first wrote
                        FunctionSpec.of(ADMIN_PUBLISH_CONCERT, Service.CONCERT, FunctionKind.HTTP)
                                .uses(writes(CATALOG_TABLE), writes(SEAT_MAPS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(SEAT_MAP_PROJECTOR, Service.CONCERT, FunctionKind.SQS)
                                .uses(consumes(RESERVATION_EVENTS_QUEUE), writes(INBOX_TABLE), reads(SEAT_MAPS_TABLE),
                                        writes(SEAT_MAPS_TABLE)),
                        FunctionSpec.of(CONCERT_EVENTS_RELAY, Service.CONCERT, FunctionKind.STREAM)
                                .uses(relays(EVENTS_TABLE), sends(RELAY_FAILURES_QUEUE))),
                List.of(
                        new Route(HttpMethod.GET, "/concerts", LIST_CONCERTS, false),
                        new Route(HttpMethod.GET, "/concerts/{concertId}/schedules", LIST_SCHEDULES, false),
                        new Route(HttpMethod.GET, "/schedules/{scheduleId}/seats", SEAT_MAP, false),
                        Route.admin(HttpMethod.POST, "/admin/concerts", ADMIN_PUBLISH_CONCERT)),
                List.of(new StreamSubscription(EVENTS_TABLE, CONCERT_EVENTS_RELAY, 100, 5, RELAY_FAILURES_QUEUE)),
                List.of(new QueueSubscription(RESERVATION_EVENTS_QUEUE, SEAT_MAP_PROJECTOR, 10, 0)),
                PROJECTED_RESERVATION_EVENTS.stream()
                        .map(type -> new EventRoute(RESERVATION_EVENTS_TABLE, type, RESERVATION_EVENTS_QUEUE))
                        .toList(),
                List.of());
    }
}

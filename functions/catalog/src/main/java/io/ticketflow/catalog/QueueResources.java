package io.ticketflow.catalog;

import static io.ticketflow.catalog.Grant.consumes;
import static io.ticketflow.catalog.Grant.reads;
import static io.ticketflow.catalog.Grant.readsIndex;
import static io.ticketflow.catalog.Grant.relays;
import static io.ticketflow.catalog.Grant.sends;
import static io.ticketflow.catalog.Grant.signsAdmissionPasses;
import static io.ticketflow.catalog.Grant.writes;
import static io.ticketflow.catalog.KeyAttribute.number;
import static io.ticketflow.catalog.KeyAttribute.string;

import java.util.List;

/**
 * Queue service: waiting-room tokens, the per-concert counter, and its outbox.
 *
 * <p>{@code queue-tokens} holds counters, tokens, user pointers and per-seq slots under one key {@code pk}
 * (layout in the service's {@code QueueItems}). Its one index, {@code activeByExpiry}, is sparse: only ACTIVE
 * tokens carry {@code activeConcertId}, so the expiry tick reads just the tokens whose window may have ended.
 * There is no index on seq: the activation reads the per-seq slots by key, strongly consistent.
 */
public final class QueueResources {

    public static final String TOKENS_TABLE = "queue-tokens";
    public static final String EVENTS_TABLE = "queue-events";
    public static final String INBOX_TABLE = "queue-inbox";
    public static final String CONCERT_EVENTS_QUEUE = "queue-concert-events";
    public static final String RELAY_FAILURES_QUEUE = "queue-relay-failures";
    public static final String ACTIVE_BY_EXPIRY_INDEX = "activeByExpiry";

    public static final String ENTER_QUEUE = "enterQueue";
    public static final String QUEUE_STATUS = "queueStatus";
    /** The shared, cacheable part of a poll: how far the concert's queue has come (public, behind CloudFront). */
    public static final String QUEUE_NOW_SERVING = "queueNowServing";
    public static final String ACTIVATE_QUEUE = "activateQueue";
    public static final String EXPIRE_QUEUE_TOKENS = "expireQueueTokens";
    public static final String QUEUE_EVENTS_RELAY = "queueEventsRelay";
    /** Opens a concert's queue when the Concert service publishes the concert. */
    public static final String CONCERT_CONSUMER = "queueConcertConsumer";
    public static final String ACTIVATION_SCHEDULE = "queue-activation";
    /** Booking saga steps: the token's turn is used up (booked, or the hold expired) / it goes back to WAITING. */
    public static final String EXPIRE_QUEUE_TOKEN = "expireQueueToken";
    public static final String RESTORE_QUEUE_TOKEN = "restoreQueueToken";
    /** Operator routes: a closed queue takes no new entries and admits no one until it is opened again. */
    public static final String ADMIN_OPEN_QUEUE = "adminOpenQueue";
    public static final String ADMIN_CLOSE_QUEUE = "adminCloseQueue";

    private QueueResources() {
    }

    static ServiceResources declare() {
        return new ServiceResources(
                Service.QUEUE,
                List.of(
                        new TableSpec(TOKENS_TABLE, Service.QUEUE, string("pk"), null,
                                List.of(new IndexSpec(ACTIVE_BY_EXPIRY_INDEX, string("activeConcertId"), number("activeUntil"))),
                                false, null),
                        Catalogue.outboxTable(EVENTS_TABLE, Service.QUEUE),
                        Catalogue.inboxTable(INBOX_TABLE, Service.QUEUE)),
                List.of(new QueueSpec(RELAY_FAILURES_QUEUE, Service.QUEUE, 30, 3),
                        new QueueSpec(CONCERT_EVENTS_QUEUE, Service.QUEUE, 30, 5)),
                List.of(
                        FunctionSpec.of(ENTER_QUEUE, Service.QUEUE, FunctionKind.HTTP)
                                .uses(reads(TOKENS_TABLE), writes(TOKENS_TABLE), writes(EVENTS_TABLE), signsAdmissionPasses()),
                        // a poll marks the token as present, and one back from abandonment takes its place again
                        FunctionSpec.of(QUEUE_STATUS, Service.QUEUE, FunctionKind.HTTP)
                                .uses(reads(TOKENS_TABLE), writes(TOKENS_TABLE), writes(EVENTS_TABLE), signsAdmissionPasses()),
                        FunctionSpec.of(QUEUE_NOW_SERVING, Service.QUEUE, FunctionKind.HTTP).uses(reads(TOKENS_TABLE)),
                        // opening and closing mark the counter shards; no event leaves the service
                        FunctionSpec.of(ADMIN_OPEN_QUEUE, Service.QUEUE, FunctionKind.HTTP)
                                .uses(reads(TOKENS_TABLE), writes(TOKENS_TABLE)),
                        FunctionSpec.of(ADMIN_CLOSE_QUEUE, Service.QUEUE, FunctionKind.HTTP)
                                .uses(reads(TOKENS_TABLE), writes(TOKENS_TABLE)),
                        // one tick at a time; a second concurrent one would only fail its conditions
                        FunctionSpec.of(ACTIVATE_QUEUE, Service.QUEUE, FunctionKind.SCHEDULED).withReservedConcurrency(1)
                                .uses(reads(TOKENS_TABLE), writes(TOKENS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(EXPIRE_QUEUE_TOKENS, Service.QUEUE, FunctionKind.SCHEDULED).withReservedConcurrency(1)
                                .uses(reads(TOKENS_TABLE), readsIndex(TOKENS_TABLE, ACTIVE_BY_EXPIRY_INDEX),
                                        writes(TOKENS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(QUEUE_EVENTS_RELAY, Service.QUEUE, FunctionKind.STREAM)
                                .uses(relays(EVENTS_TABLE), sends(RELAY_FAILURES_QUEUE)),
                        FunctionSpec.of(CONCERT_CONSUMER, Service.QUEUE, FunctionKind.SQS)
                                .uses(consumes(CONCERT_EVENTS_QUEUE), writes(INBOX_TABLE), reads(TOKENS_TABLE), writes(TOKENS_TABLE)),
                        FunctionSpec.of(EXPIRE_QUEUE_TOKEN, Service.QUEUE, FunctionKind.SAGA_TASK)
                                .uses(reads(TOKENS_TABLE), writes(TOKENS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(RESTORE_QUEUE_TOKEN, Service.QUEUE, FunctionKind.SAGA_TASK)
                                .uses(reads(TOKENS_TABLE), writes(TOKENS_TABLE), writes(EVENTS_TABLE))),
                List.of(
                        new Route(HttpMethod.POST, "/concerts/{concertId}/queue-tokens", ENTER_QUEUE, true),
                        new Route(HttpMethod.GET, "/queue-tokens/{token}", QUEUE_STATUS, true),
                        new Route(HttpMethod.GET, "/concerts/{concertId}/queue", QUEUE_NOW_SERVING, false),
                        // plain segments, not AIP-style "queue:open": API Gateway documents no ':' in route paths
                        Route.admin(HttpMethod.POST, "/admin/concerts/{concertId}/queue/open", ADMIN_OPEN_QUEUE),
                        Route.admin(HttpMethod.POST, "/admin/concerts/{concertId}/queue/close", ADMIN_CLOSE_QUEUE)),
                List.of(new StreamSubscription(EVENTS_TABLE, QUEUE_EVENTS_RELAY, 100, 5, RELAY_FAILURES_QUEUE)),
                List.of(new QueueSubscription(CONCERT_EVENTS_QUEUE, CONCERT_CONSUMER, 10, 0)),
                List.of(new EventRoute(ConcertResources.EVENTS_TABLE, "CONCERT_PUBLISHED", CONCERT_EVENTS_QUEUE)),
                List.of(
                        new ScheduleSpec(ACTIVATION_SCHEDULE, ACTIVATE_QUEUE, 10),
                        new ScheduleSpec("queue-expiry", EXPIRE_QUEUE_TOKENS, 10)));
    }
}

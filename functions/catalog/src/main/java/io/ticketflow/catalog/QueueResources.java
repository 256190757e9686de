package io.ticketflow.catalog;

import static io.ticketflow.catalog.KeyAttribute.number;
import static io.ticketflow.catalog.KeyAttribute.string;

import java.util.List;

/** Queue service: waiting-room tokens, the per-concert counter, and its outbox. */
final class QueueResources {

    static final String TOKENS_TABLE = "queue-tokens";
    static final String EVENTS_TABLE = "queue-events";
    static final String RELAY_FAILURES_QUEUE = "queue-relay-failures";

    private QueueResources() {
    }

    static ServiceResources declare() {
        return new ServiceResources(
                Service.QUEUE,
                List.of(
                        new TableSpec(TOKENS_TABLE, Service.QUEUE, string("pk"), null,
                                List.of(new IndexSpec("bySeq", string("concertId"), number("seq")),
                                        new IndexSpec("activeByExpiry", string("activeConcertId"), number("activeUntil"))),
                                false, null),
                        Catalogue.outboxTable(EVENTS_TABLE, Service.QUEUE)),
                List.of(new QueueSpec(RELAY_FAILURES_QUEUE, Service.QUEUE, 30, 3)),
                List.of(
                        FunctionSpec.of("enterQueue", Service.QUEUE, FunctionKind.HTTP),
                        FunctionSpec.of("queueStatus", Service.QUEUE, FunctionKind.HTTP),
                        FunctionSpec.of("activateQueue", Service.QUEUE, FunctionKind.SCHEDULED).withReservedConcurrency(1),
                        FunctionSpec.of("expireQueueTokens", Service.QUEUE, FunctionKind.SCHEDULED).withReservedConcurrency(1),
                        FunctionSpec.of("queueEventsRelay", Service.QUEUE, FunctionKind.STREAM)),
                List.of(
                        new Route(HttpMethod.POST, "/concerts/{concertId}/queue-tokens", "enterQueue", true),
                        new Route(HttpMethod.GET, "/queue-tokens/{token}", "queueStatus", true)),
                List.of(new StreamSubscription(EVENTS_TABLE, "queueEventsRelay", 100, 5, RELAY_FAILURES_QUEUE)),
                List.of(),
                List.of(),
                List.of(
                        new ScheduleSpec("queue-activation", "activateQueue", 10),
                        new ScheduleSpec("queue-expiry", "expireQueueTokens", 10)));
    }
}

package io.ticketflow.catalog;

import static io.ticketflow.catalog.KeyAttribute.number;
import static io.ticketflow.catalog.KeyAttribute.string;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The resource catalogue and route table of the whole system, aggregated from each service's
 * declaration. Physical names are a deployment prefix followed by the logical names declared here.
 */
public final class Catalogue {

    /** Outbox / event store layout shared by every service: append-only, per aggregate, ordered. */
    public static final String OUTBOX_PARTITION_KEY = "aggregateId";
    public static final String OUTBOX_SORT_KEY = "sequence";
    /** Consumer inbox layout: one item per processed eventId. */
    public static final String INBOX_PARTITION_KEY = "eventId";
    public static final String INBOX_TTL_ATTRIBUTE = "expiresAt";
    /** Admission view layout: one item per queue token. */
    public static final String ADMISSION_PARTITION_KEY = "token";
    public static final String ADMISSION_TTL_ATTRIBUTE = "expiresAt";
    /** The saga state machines' logical names (their ASL files are {@code statemachine/<name>.asl.json}). */
    public static final String BOOKING_SAGA = "booking-saga";
    public static final String BOOKING_CANCELLATION = "booking-cancellation";

    private static final List<ServiceResources> SERVICES = List.of(
            QueueResources.declare(),
            ConcertResources.declare(),
            ReservationResources.declare(),
            PointResources.declare(),
            PaymentResources.declare());

    private Catalogue() {
    }

    public static List<ServiceResources> services() {
        return SERVICES;
    }

    public static Optional<ServiceResources> service(Service service) {
        return SERVICES.stream().filter(s -> s.service() == service).findFirst();
    }

    public static List<Route> routes() {
        return flatten(ServiceResources::routes);
    }

    public static List<TableSpec> tables() {
        return flatten(ServiceResources::tables);
    }

    public static List<QueueSpec> queues() {
        return flatten(ServiceResources::queues);
    }

    public static List<FunctionSpec> functions() {
        return flatten(ServiceResources::functions);
    }

    public static List<StreamSubscription> streamSubscriptions() {
        return flatten(ServiceResources::streamSubscriptions);
    }

    public static List<QueueSubscription> queueSubscriptions() {
        return flatten(ServiceResources::queueSubscriptions);
    }

    public static List<EventRoute> eventRoutes() {
        return flatten(ServiceResources::eventRoutes);
    }

    public static List<ScheduleSpec> schedules() {
        return flatten(ServiceResources::schedules);
    }

    /** How often the named schedule runs: the unit of everything paced by it (the queue's tick, its cache). */
    public static int scheduleRateSeconds(String name) {
        return schedules().stream().filter(schedule -> schedule.name().equals(name)).mapToInt(ScheduleSpec::rateSeconds)
                .findFirst().orElseThrow(() -> new IllegalStateException("the catalogue has no " + name + " schedule"));
    }

    public static FunctionSpec function(String name) {
        return functions().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function named " + name));
    }

    public static TableSpec table(String name) {
        return tables().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table named " + name));
    }

    public static QueueSpec queue(String name) {
        return queues().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue named " + name));
    }

    /**
     * What the function may do, as its declaration says, with each {@link Grant.Access#RELAY} resolved: reading the
     * outbox's stream and sending to every queue an event route from that outbox names (routes are declared by the
     * consuming services, so only the whole catalogue knows them).
     */
    public static List<Grant> grants(String function) {
        return function(function).grants().stream()
                .flatMap(grant -> grant.access() != Grant.Access.RELAY ? Stream.of(grant) : Stream.concat(
                        Stream.of(Grant.readsStream(grant.resource())),
                        eventRoutes().stream()
                                .filter(route -> route.sourceTable().equals(grant.resource()))
                                .map(EventRoute::queue)
                                .distinct()
                                .map(Grant::sends)))
                .distinct()
                .toList();
    }

    /** Queues the relay must send an event of this type, read from this outbox table, to. */
    public static List<String> queuesFor(String sourceTable, String eventType) {
        return eventRoutes().stream()
                .filter(r -> r.sourceTable().equals(sourceTable) && r.eventType().equals(eventType))
                .map(EventRoute::queue)
                .toList();
    }

    static TableSpec outboxTable(String name, Service owner) {
        return new TableSpec(name, owner, string(OUTBOX_PARTITION_KEY), number(OUTBOX_SORT_KEY), List.of(), true, null);
    }

    static TableSpec inboxTable(String name, Service owner) {
        return new TableSpec(name, owner, string(INBOX_PARTITION_KEY), null, List.of(), false, INBOX_TTL_ATTRIBUTE);
    }

    static TableSpec admissionTable(String name, Service owner) {
        return new TableSpec(name, owner, string(ADMISSION_PARTITION_KEY), null, List.of(), false, ADMISSION_TTL_ATTRIBUTE);
    }

    private static <T> List<T> flatten(Function<ServiceResources, List<T>> part) {
        return SERVICES.stream().flatMap(s -> part.apply(s).stream()).toList();
    }
}

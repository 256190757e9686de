package io.ticketflow.local;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.QueueSpec;
import io.ticketflow.catalog.QueueSubscription;
import io.ticketflow.catalog.Route;
import io.ticketflow.catalog.ScheduleSpec;
import io.ticketflow.catalog.StreamSubscription;
import io.ticketflow.catalog.TableSpec;
import io.ticketflow.statemachine.SagaDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the runtime wires up: the catalogue's routes, resources and event-source mappings, and the saga state
 * machines. A value of its own (rather than static calls into {@link Catalogue}) so tests can add their own
 * functions.
 */
public record Topology(List<Route> routes, List<TableSpec> tables, List<QueueSpec> queues,
                       List<StreamSubscription> streamSubscriptions, List<QueueSubscription> queueSubscriptions,
                       List<ScheduleSpec> schedules, List<SagaDefinition> sagas) {

    public Topology {
        routes = List.copyOf(routes);
        tables = List.copyOf(tables);
        queues = List.copyOf(queues);
        streamSubscriptions = List.copyOf(streamSubscriptions);
        queueSubscriptions = List.copyOf(queueSubscriptions);
        schedules = List.copyOf(schedules);
        sagas = List.copyOf(sagas);
    }

    /** Without state machines. */
    public Topology(List<Route> routes, List<TableSpec> tables, List<QueueSpec> queues,
                    List<StreamSubscription> streamSubscriptions, List<QueueSubscription> queueSubscriptions,
                    List<ScheduleSpec> schedules) {
        this(routes, tables, queues, streamSubscriptions, queueSubscriptions, schedules, List.of());
    }

    public static Topology catalogue() {
        return new Topology(Catalogue.routes(), Catalogue.tables(), Catalogue.queues(),
                Catalogue.streamSubscriptions(), Catalogue.queueSubscriptions(), Catalogue.schedules(),
                SagaDefinition.all());
    }

    public static Topology empty() {
        return new Topology(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public Topology plus(Topology other) {
        return new Topology(concat(routes, other.routes), concat(tables, other.tables), concat(queues, other.queues),
                concat(streamSubscriptions, other.streamSubscriptions),
                concat(queueSubscriptions, other.queueSubscriptions), concat(schedules, other.schedules),
                concat(sagas, other.sagas));
    }

    public Topology withSagas(SagaDefinition... added) {
        return plus(new Topology(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(added)));
    }

    public Topology withRoutes(Route... added) {
        return plus(new Topology(List.of(added), List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    public Topology withTables(TableSpec... added) {
        return plus(new Topology(List.of(), List.of(added), List.of(), List.of(), List.of(), List.of()));
    }

    public Topology withQueues(QueueSpec... added) {
        return plus(new Topology(List.of(), List.of(), List.of(added), List.of(), List.of(), List.of()));
    }

    public Topology withStreamSubscriptions(StreamSubscription... added) {
        return plus(new Topology(List.of(), List.of(), List.of(), List.of(added), List.of(), List.of()));
    }

    public Topology withQueueSubscriptions(QueueSubscription... added) {
        return plus(new Topology(List.of(), List.of(), List.of(), List.of(), List.of(added), List.of()));
    }

    public Topology withSchedules(ScheduleSpec... added) {
        return plus(new Topology(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(added)));
    }

    /** Every function something in this topology invokes; each gets one invoker at start. */
    public Set<String> invokedFunctions() {
        Set<String> names = new LinkedHashSet<>();
        routes.forEach(r -> names.add(r.function()));
        streamSubscriptions.forEach(s -> names.add(s.function()));
        queueSubscriptions.forEach(s -> names.add(s.function()));
        schedules.forEach(s -> names.add(s.function()));
        sagas.forEach(saga -> saga.placeholders().forEach(p -> SagaDefinition.functionOf(p).ifPresent(names::add)));
        return names;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

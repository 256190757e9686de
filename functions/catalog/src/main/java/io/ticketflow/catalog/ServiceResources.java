package io.ticketflow.catalog;

import java.util.List;

/** Everything one service declares: its tables, queues, functions, routes and wiring. */
public record ServiceResources(
        Service service,
        List<TableSpec> tables,
        List<QueueSpec> queues,
        List<FunctionSpec> functions,
        List<Route> routes,
        List<StreamSubscription> streamSubscriptions,
        List<QueueSubscription> queueSubscriptions,
        List<EventRoute> eventRoutes,
        List<ScheduleSpec> schedules) {

    public ServiceResources {
        tables = List.copyOf(tables);
        queues = List.copyOf(queues);
        functions = List.copyOf(functions);
        routes = List.copyOf(routes);
        streamSubscriptions = List.copyOf(streamSubscriptions);
        queueSubscriptions = List.copyOf(queueSubscriptions);
        eventRoutes = List.copyOf(eventRoutes);
        schedules = List.copyOf(schedules);
    }
}

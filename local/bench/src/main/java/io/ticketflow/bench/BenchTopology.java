package io.ticketflow.bench;

import io.ticketflow.catalog.QueueResources;
import io.ticketflow.local.Topology;
import io.ticketflow.reservation.ReservationFunctions;
import java.util.Set;

/**
 * The parts of the catalogue the figures exercise, with every table and queue. Fewer functions than the whole
 * catalogue means fewer application contexts to start, and services still being built elsewhere cannot stop the
 * bench.
 */
final class BenchTopology {

    private static final Set<String> FUNCTIONS = Set.of(QueueResources.ENTER_QUEUE, QueueResources.QUEUE_STATUS,
            QueueResources.ACTIVATE_QUEUE, QueueResources.EXPIRE_QUEUE_TOKENS, QueueResources.QUEUE_EVENTS_RELAY,
            ReservationFunctions.ADMISSION_CONSUMER);

    private BenchTopology() {
    }

    /** The queue service and the Reservation consumer of its events. */
    static Topology queueAndAdmission() {
        return of(FUNCTIONS);
    }

    /** Only the routes, event-source mappings and schedules that invoke {@code functions}. */
    static Topology of(Set<String> functions) {
        Topology all = Topology.catalogue();
        return new Topology(
                all.routes().stream().filter(r -> functions.contains(r.function())).toList(),
                all.tables(),
                all.queues(),
                all.streamSubscriptions().stream().filter(s -> functions.contains(s.function())).toList(),
                all.queueSubscriptions().stream().filter(s -> functions.contains(s.function())).toList(),
                all.schedules().stream().filter(s -> functions.contains(s.function())).toList());
    }
}

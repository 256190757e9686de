package io.ticketflow.bench;

import io.ticketflow.catalog.QueueResources;
import io.ticketflow.local.Topology;
import io.ticketflow.reservation.ReservationFunctions;
import java.util.Set;

/**
 * The part of the catalogue the figures exercise: the queue service and the Reservation admission consumer
 * that follows it, with every table and queue. Fewer functions than the whole catalogue means fewer
 * application contexts to start, and services still being built elsewhere cannot stop the bench.
 */
final class BenchTopology {

    static final Set<String> FUNCTIONS = Set.of(QueueResources.ENTER_QUEUE, QueueResources.QUEUE_STATUS,
            QueueResources.ACTIVATE_QUEUE, QueueResources.EXPIRE_QUEUE_TOKENS, QueueResources.QUEUE_EVENTS_RELAY,
            ReservationFunctions.ADMISSION_CONSUMER);

    private BenchTopology() {
    }

    static Topology queueAndAdmission() {
        Topology all = Topology.catalogue();
        return new Topology(
                all.routes().stream().filter(r -> FUNCTIONS.contains(r.function())).toList(),
                all.tables(),
                all.queues(),
                all.streamSubscriptions().stream().filter(s -> FUNCTIONS.contains(s.function())).toList(),
                all.queueSubscriptions().stream().filter(s -> FUNCTIONS.contains(s.function())).toList(),
                all.schedules().stream().filter(s -> FUNCTIONS.contains(s.function())).toList());
    }
}

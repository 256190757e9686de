package io.ticketflow.local;

import static io.ticketflow.catalog.KeyAttribute.number;
import static io.ticketflow.catalog.KeyAttribute.string;

import io.ticketflow.catalog.HttpMethod;
import io.ticketflow.catalog.QueueSpec;
import io.ticketflow.catalog.QueueSubscription;
import io.ticketflow.catalog.Route;
import io.ticketflow.catalog.ScheduleSpec;
import io.ticketflow.catalog.Service;
import io.ticketflow.catalog.StreamSubscription;
import io.ticketflow.catalog.TableSpec;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.ProjectRoot;
import java.util.List;
import java.util.Map;

/** The test functions' routes and event sources, and a runtime started on the shared moto server. */
final class TestTopology {

    static final String OUTBOX = "test-outbox";
    static final String EVENTS_QUEUE = "test-events";
    static final String STREAM_FAILURES = "test-stream-failures";
    static final int STREAM_MAX_RETRIES = 2;
    static final int EVENTS_MAX_RECEIVES = 2;

    private TestTopology() {
    }

    static Topology http() {
        return Topology.empty().withRoutes(
                new Route(HttpMethod.GET, "/things/{thingId}", TestFunctions.ECHO, true),
                new Route(HttpMethod.GET, "/things/{thingId}/parts/{partId}", TestFunctions.ECHO, true),
                new Route(HttpMethod.POST, "/public/echo", TestFunctions.ECHO, false),
                new Route(HttpMethod.PUT, "/raw/{id}", TestFunctions.RAW_EVENT, true));
    }

    static Topology stream() {
        return Topology.empty()
                .withTables(new TableSpec(OUTBOX, Service.QUEUE, string("aggregateId"), number("sequence"), List.of(), true, null))
                .withQueues(new QueueSpec(STREAM_FAILURES, Service.QUEUE, 30, 3))
                .withStreamSubscriptions(new StreamSubscription(OUTBOX, TestFunctions.STREAM, 10, STREAM_MAX_RETRIES,
                        STREAM_FAILURES));
    }

    static Topology sqs() {
        return Topology.empty()
                .withQueues(new QueueSpec(EVENTS_QUEUE, Service.QUEUE, 1, EVENTS_MAX_RECEIVES))
                .withQueueSubscriptions(new QueueSubscription(EVENTS_QUEUE, TestFunctions.SQS, 10, 0))
                .withSchedules(new ScheduleSpec("test-tick", TestFunctions.TICK, 1));
    }

    static Topology saga() {
        return Topology.empty()
                .withRoutes(new Route(HttpMethod.POST, "/test-sagas", TestFunctions.START_SAGA, false))
                .withSagas(TestFunctions.TEST_SAGA);
    }

    static LocalRuntime start(EmulatorEndpoint endpoint, Topology topology) {
        return start(endpoint, topology, Map.of());
    }

    static LocalRuntime start(EmulatorEndpoint endpoint, Topology topology, Map<String, String> functionConfig) {
        LocalOptions options = new LocalOptions(0, endpoint.uri(), endpoint.region(), "it-", ProjectRoot.find(),
                Map.of(), functionConfig, false);
        return LocalRuntime.start(options, topology);
    }
}

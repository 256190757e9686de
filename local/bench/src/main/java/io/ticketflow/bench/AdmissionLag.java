package io.ticketflow.bench;

import io.ticketflow.kernel.function.InvocationContext;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.messaging.Admission;
import io.ticketflow.messaging.AdmissionView;
import io.ticketflow.queue.QueueSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figure 1: an activation tick → the Reservation service's admission view shows the token. Everything
 * between is the local runtime's real machinery on moto: the outbox stream poller, the relay function,
 * SQS, the SQS poller and the Reservation admission consumer. The tick is the activation function invoked
 * through {@code FunctionInvoker}, as the schedule does; the clock starts just before it.
 */
final class AdmissionLag implements Figure {

    static final String CONCERT = "concert-1";
    private static final String ADMISSIONS_TABLE = "reservation-admissions";
    private static final Duration PER_TICK_TIMEOUT = Duration.ofSeconds(60);
    /** Lets the QUEUE_WAITING records of the enters drain through the relay before the first tick. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final int tokens;
    private final int batchSize;
    private final JsonMapper json = KernelBeans.newJsonMapper();

    AdmissionLag(int tokens, int batchSize) {
        this.tokens = tokens;
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return "admission";
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        Map<String, String> config = Map.of(
                QueueSettings.BATCH_SIZE, String.valueOf(batchSize),
                QueueSettings.MAX_ACTIVE, String.valueOf(tokens));
        List<Double> lagsMs = new ArrayList<>();
        List<Double> ticksMs = new ArrayList<>();
        List<Double> afterTickMs = new ArrayList<>();
        try (LocalRuntime runtime = LocalRuntime.start(setup.runtimeOptions("lag-", config, true), BenchTopology.queueAndAdmission())) {
            QueueApi api = new QueueApi(runtime, json);
            Map<String, QueueApi.Entered> waiting = new LinkedHashMap<>();
            for (int i = 1; i <= tokens; i++) {
                QueueApi.Entered entered = api.enter(CONCERT, "lag-user-" + i);
                waiting.put(entered.token(), entered);
            }
            Thread.sleep(SETTLE.toMillis());

            DynamoDbClient dynamoDb = runtime.clients().dynamoDb();
            String admissionsTable = runtime.settings().physicalName(Catalogue.table(ADMISSIONS_TABLE).name());
            AdmissionView view = new AdmissionView(dynamoDb, admissionsTable);
            FunctionInvoker activation = new FunctionInvoker(QueueResources.ACTIVATE_QUEUE);
            byte[] tick = json.writeValueAsBytes(json.createObjectNode().put("concertId", CONCERT));
            while (!waiting.isEmpty()) {
                long tickStart = System.nanoTime();
                JsonNode report = invoke(activation, tick);
                long tickEnd = System.nanoTime();
                ticksMs.add((tickEnd - tickStart) / 1e6);
                int activated = report.path("queues").path(0).path("activated").asInt();
                if (activated == 0) {
                    throw new IllegalStateException("a tick activated nobody with " + waiting.size() + " waiting: " + report);
                }
                int expectedLeft = Math.max(0, waiting.size() - activated);
                long deadline = tickStart + PER_TICK_TIMEOUT.toNanos();
                while (waiting.size() > expectedLeft) {
                    for (String token : admittedTokens(dynamoDb, admissionsTable)) {
                        QueueApi.Entered entered = waiting.get(token);
                        if (entered != null && view.check(token, entered.userId(), CONCERT, Instant.now()).status()
                                == Admission.Status.ACTIVE) {
                            long seen = System.nanoTime();
                            lagsMs.add((seen - tickStart) / 1e6);
                            afterTickMs.add((seen - tickEnd) / 1e6);
                            waiting.remove(token);
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException((waiting.size() - expectedLeft) + " tokens not admitted within "
                                + PER_TICK_TIMEOUT + " of their tick");
                    }
                    Thread.sleep(5);
                }
            }
        }
        Stats lag = Stats.of(lagsMs);
        Stats tick = Stats.of(ticksMs);
        Stats afterTick = Stats.of(afterTickMs);
        Table table = new Table("Admission lag: activation tick → Reservation admission view (" + tokens
                + " tokens, " + ticksMs.size() + " ticks of " + batchSize + ")",
                "measured", "n", "p50", "p99", "max")
                .row("tick start → token ACTIVE in view", lag.count(), Table.millis(lag.percentile(50)),
                        Table.millis(lag.percentile(99)), Table.millis(lag.max()))
                .row("tick end → token ACTIVE in view", afterTick.count(), Table.millis(afterTick.percentile(50)),
                        Table.millis(afterTick.percentile(99)), Table.millis(afterTick.max()))
                .row("activation tick itself", tick.count(), Table.millis(tick.percentile(50)),
                        Table.millis(tick.percentile(99)), Table.millis(tick.max()))
                .note("path: TransactWriteItems (flip + outbox) → stream poller → queueEventsRelay → SQS → SQS poller"
                        + " → reservationAdmissionConsumer → AdmissionView.check; all on moto")
                .note("idle pollers back off up to 500 ms (LocalRuntime.MAX_IDLE_PAUSE), twice on this path: that bounds"
                        + " the lag locally; on AWS the stream and SQS mappings have their own delays")
                .note("a tick writes its flips in several transactions, so tokens of its first ones can be admitted"
                        + " before the tick returns (tick end → view below zero)")
                .note("the view is found by a Scan every 5 ms, then each token is confirmed through AdmissionView");
        return List.of(table);
    }

    private Set<String> admittedTokens(DynamoDbClient dynamoDb, String table) {
        return dynamoDb.scanPaginator(r -> r.tableName(table).consistentRead(true)
                        .projectionExpression("#t").expressionAttributeNames(Map.of("#t", Catalogue.ADMISSION_PARTITION_KEY)))
                .items().stream()
                .map(item -> item.get(Catalogue.ADMISSION_PARTITION_KEY).s())
                .collect(Collectors.toSet());
    }

    private JsonNode invoke(FunctionInvoker invoker, byte[] event) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(event), output, InvocationContext.of(QueueResources.ACTIVATE_QUEUE, 30));
        return json.readTree(output.toByteArray());
    }
}

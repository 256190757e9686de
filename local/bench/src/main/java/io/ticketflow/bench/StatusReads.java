package io.ticketflow.bench;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.aws.RequestCounter;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.local.Topology;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.queue.QueueSettings;
import io.ticketflow.queue.adapter.DynamoDbQueueRepository;
import io.ticketflow.queue.adapter.WaitingQueueLoader;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.function.QueueStatusFunction;
import io.ticketflow.queue.function.QueueStatusQuery;
import io.ticketflow.queue.function.QueueTicket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figure 2: DynamoDB requests per status poll with a short and a very long queue. Position is
 * {@code seq − activated}, so a poll reads the token and the counter whatever the queue's length; the
 * request counts prove it (deterministic), the latency beside them is moto's and only indicative.
 */
final class StatusReads implements Figure {

    private static final int POLLS = 20;
    /** Uncounted polls first, so the first queue's latency does not carry the JVM's warm-up. */
    private static final int WARM_UP_POLLS = 10;
    private static final int WRITERS = 4;

    private final List<Integer> queueLengths;
    private final JsonMapper json = KernelBeans.newJsonMapper();

    StatusReads(List<Integer> queueLengths) {
        this.queueLengths = List.copyOf(queueLengths);
    }

    @Override
    public String name() {
        return "status-reads";
    }

    /** What polling the last place of one queue cost. */
    private record Poll(int waiting, Map<String, Integer> requestsPerPoll, long position, Stats latencyMs,
                        double loadSeconds) {
        int total() {
            return requestsPerPoll.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        Topology queueTables = Topology.empty().withTables(Catalogue.table(QueueResources.TOKENS_TABLE),
                Catalogue.table(QueueResources.EVENTS_TABLE));
        RequestCounter counter = new RequestCounter();
        List<Poll> polls = new ArrayList<>();
        try (LocalRuntime tables = LocalRuntime.start(setup.runtimeOptions("reads-", Map.of(), false), queueTables);
             AwsClients aws = new AwsClients(tables.settings(), List.of(counter))) {
            String tokensTable = tables.settings().physicalName(QueueResources.TOKENS_TABLE);
            DynamoDbQueueRepository queues = new DynamoDbQueueRepository(aws.dynamoDb(), tokensTable,
                    new OutboxWriter(aws.dynamoDb(), tables.settings().physicalName(QueueResources.EVENTS_TABLE), json),
                    json, Clock.systemUTC(), QueueSettings.counterShards(key -> null));
            QueuePolicy policy = QueueSettings.policy(key -> null);
            // the polled tokens all wait, so no pass is ever signed; the function wants a signer all the same
            QueueTicket.Passes passes = new QueueTicket.Passes(AdmissionKeys.signer(
                    Map.of(AdmissionKeys.SIGNING_KEY, AdmissionKeys.newDevKey().toJSONString())::get, aws::kms),
                    Clock.systemUTC());
            QueueStatusFunction status = new QueueStatusFunction(queues, policy, passes);
            WaitingQueueLoader loader = new WaitingQueueLoader(aws.dynamoDb(), tokensTable);
            for (int waiting : queueLengths) {
                String concertId = "reads-" + waiting;
                queues.openQueue(concertId);
                long loadStart = System.nanoTime();
                QueueToken last = loader.load(concertId, waiting, WRITERS);
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                QueueStatusQuery query = new QueueStatusQuery(last.token(), last.userId());
                for (int i = 0; i < WARM_UP_POLLS; i++) {
                    status.apply(query);
                }
                Map<String, Integer> first = null;
                List<Double> latencies = new ArrayList<>();
                long position = -1;
                for (int i = 0; i < POLLS; i++) {
                    QueueTicket[] ticket = new QueueTicket[1];
                    long start = System.nanoTime();
                    Map<String, Integer> requests = counter.during(() -> ticket[0] = status.apply(query));
                    latencies.add((System.nanoTime() - start) / 1e6);
                    if (first != null && !first.equals(requests)) {
                        throw new IllegalStateException("polls of one token differ: " + first + " vs " + requests);
                    }
                    first = requests;
                    position = ticket[0].position();
                }
                if (position != waiting) {
                    throw new IllegalStateException("the last of " + waiting + " waiting is at position " + position);
                }
                polls.add(new Poll(waiting, first, position, Stats.of(latencies), loadSeconds));
            }
        }
        Poll shortest = polls.get(0);
        Table table = new Table("DynamoDB requests per queue status poll (" + POLLS + " polls each, of the last place)",
                "waiting tokens", "requests per poll", "total", "vs " + shortest.waiting() + " waiting",
                "position", "latency p50 (moto)", "loaded in");
        for (Poll poll : polls) {
            table.row(String.format(Locale.ROOT, "%,d", poll.waiting()), describe(poll.requestsPerPoll()),
                    poll.total(), Table.ratio((double) poll.total() / shortest.total()),
                    String.format(Locale.ROOT, "%,d", poll.position()),
                    Table.millis(poll.latencyMs().median()), String.format(Locale.ROOT, "%.1f s", poll.loadSeconds()));
        }
        boolean equal = polls.stream().map(Poll::requestsPerPoll).distinct().count() == 1;
        table.note("requests counted by an SDK ExecutionInterceptor on the repository's client: "
                        + (equal ? "EQUAL for every queue length (as designed)" : "NOT EQUAL — the poll cost grows with the queue"))
                .note("queues loaded with BatchWriteItem (token + user pointer + seq slot per place, " + WRITERS
                        + " writers), as enters would have left them");
        if (!equal) {
            throw new IllegalStateException(table.render());
        }
        return List.of(table);
    }

    private static String describe(Map<String, Integer> requests) {
        Map<String, Integer> sorted = new LinkedHashMap<>(Objects.requireNonNull(requests));
        return String.join(" + ", sorted.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
    }
}

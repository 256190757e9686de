package io.ticketflow.bench;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionKind;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.local.stepfunctions.StepFunctionsEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Issue #4: what one completed booking costs on AWS, counted while a number of bookings run through the local
 * runtime — Lambda invocations by function, Step Functions transitions, DynamoDB requests and request units by
 * operation, SQS requests (the pollers' too), DynamoDB Streams reads — and the list price of a million bookings.
 */
final class BookingCost implements Figure {

    private static final int WARM_UP_BOOKINGS = 2;
    private static final int CLIENTS = 4;
    /** The system is done with the bookings when no function but the schedules ran for this long. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration MAX_SETTLE = Duration.ofSeconds(60);
    private static final int DEFAULT_MEMORY_MB = 1024;

    private final String name;
    private final int bookings;
    /** How each booking is paid, by its price; the figure's tables name it. */
    private final IntFunction<BookingClient.Split> splitFor;
    private final String paidHow;

    /** Every booking paid in points alone, as before card payments (issue #4's figure). */
    static BookingCost inPoints(int bookings) {
        return new BookingCost("booking-cost", bookings, price -> BookingClient.Split.ALL_POINTS, "paid in points");
    }

    /** Every booking paid half by the test card {@code tok_approve}, half in points (issue #17's figure). */
    static BookingCost halfByCard(int bookings) {
        return new BookingCost("booking-cost-card", bookings,
                price -> BookingClient.Split.halfByCard(price, "tok_approve"), "paid half by card, half in points");
    }

    private BookingCost(String name, int bookings, IntFunction<BookingClient.Split> splitFor, String paidHow) {
        this.name = name;
        this.bookings = bookings;
        this.splitFor = splitFor;
        this.paidHow = paidHow;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        Map<String, FunctionMeter.Usage> invocations;
        Map<AwsRequestMeter.Key, AwsRequestMeter.Tally> requests;
        long transitions = 0;
        long windowNanos;
        try (BookingLoad load = BookingLoad.start(setup, name + "-", Map.of())) {
            load.book(WARM_UP_BOOKINGS, WARM_UP_BOOKINGS);
            settle();
            FunctionMeter.INSTANCE.start();
            AwsRequestMeter.REQUESTS.start();
            long start = System.nanoTime();
            List<BookingLoad.Outcome> outcomes;
            try {
                outcomes = load.book(bookings, CLIENTS, splitFor);
                settle();
            } finally {
                windowNanos = System.nanoTime() - start;
                requests = AwsRequestMeter.REQUESTS.stop();
                invocations = FunctionMeter.INSTANCE.stop();
            }
            List<BookingLoad.Outcome> notConfirmed = outcomes.stream().filter(o -> !"CONFIRMED".equals(o.endStatus())).toList();
            if (!notConfirmed.isEmpty()) {
                throw new IllegalStateException(notConfirmed.size() + " bookings did not end CONFIRMED: " + notConfirmed);
            }
            StepFunctionsEmulator emulator = load.runtime().stepFunctions();
            for (BookingLoad.Outcome outcome : outcomes) {
                transitions += emulator.stateTransitions(load.executionArn(outcome.reservationId()));
            }
        }
        return tables(invocations, requests, transitions, windowNanos);
    }

    private List<Table> tables(Map<String, FunctionMeter.Usage> invocations,
                               Map<AwsRequestMeter.Key, AwsRequestMeter.Tally> requests, long transitions, long windowNanos) {
        double n = bookings;
        String window = String.format(Locale.ROOT, "%.0f s", windowNanos / 1e9);

        Table lambda = new Table("Lambda invocations per completed booking (" + bookings + " bookings " + paidHow
                + ", counted at the function beans)", "function", "trigger", "per booking", "mean handler time", "memory MB");
        double perBookingInvocations = 0;
        double httpInvocations = 0;
        double gbSeconds = 0;
        String schedules = "";
        for (Map.Entry<String, FunctionMeter.Usage> entry : byKind(invocations).entrySet()) {
            String function = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            FunctionMeter.Usage usage = entry.getValue();
            Optional<FunctionSpec> spec = spec(function);
            String kind = spec.map(s -> s.kind().toString()).orElse("other");
            int memoryMb = spec.map(FunctionSpec::memoryMb).orElse(DEFAULT_MEMORY_MB);
            if (kind.equals(FunctionKind.SCHEDULED.toString())) {
                schedules += function + " " + usage.invocations() + "× ";
                continue;
            }
            lambda.row(function, kind, perBooking(usage.invocations() / n), Table.millis(usage.meanMillis()), memoryMb);
            perBookingInvocations += usage.invocations() / n;
            gbSeconds += usage.invocations() / n * usage.meanMillis() / 1000 * memoryMb / 1024.0;
            if (kind.equals(FunctionKind.HTTP.toString())) {
                httpInvocations += usage.invocations() / n;
            }
        }
        lambda.row("total (schedules excluded)", "", perBooking(perBookingInvocations), "", "");
        lambda.note("scheduled functions, not per booking (they tick by the clock; the queue's activation every 1 s here),"
                        + " in the " + window + " window: " + (schedules.isBlank() ? "none" : schedules.strip()))
                .note("HTTP invocations include the client's polls (queue status every " + QueueApi.STATUS_POLL_PAUSE.toMillis()
                        + " ms until ACTIVE) and the pays asked again until the saga waits for the payment: a real client's"
                        + " traffic, counted as it happened")
                .note("mean handler time: measured here, inside FunctionInvoker, including moto's latency on 2 busy cores"
                        + " — the Lambda duration price below uses it as is");

        Map<String, double[]> byOperation = new TreeMap<>();
        Map<String, Long> emptyPolls = new TreeMap<>();
        for (Map.Entry<AwsRequestMeter.Key, AwsRequestMeter.Tally> entry : requests.entrySet()) {
            AwsRequestMeter.Key key = entry.getKey();
            String operation = key.service() + " " + key.operation();
            if (key.empty() || isPollerBookkeeping(key)) {
                emptyPolls.merge(operation, entry.getValue().requests(), Long::sum);
                continue;
            }
            double[] sums = byOperation.computeIfAbsent(operation, k -> new double[3]);
            sums[0] += entry.getValue().requests();
            sums[1] += entry.getValue().readUnits();
            sums[2] += entry.getValue().writeUnits();
        }
        Table aws = new Table("AWS requests per completed booking " + paidHow + ", by service and operation (counted at"
                + " the SDK)",
                "service", "operation", "per booking", "RRU", "WRU");
        double dynamoRequests = 0;
        double readUnits = 0;
        double writeUnits = 0;
        double sqsRequests = 0;
        double streamReads = 0;
        double sfnCalls = 0;
        for (Map.Entry<String, double[]> entry : byOperation.entrySet()) {
            String[] parts = entry.getKey().split(" ", 2);
            double[] sums = entry.getValue();
            String service = parts[0].toLowerCase(Locale.ROOT);
            boolean dynamo = service.contains("dynamo") && !service.contains("stream");
            aws.row(parts[0], parts[1], perBooking(sums[0] / n), dynamo ? units(sums[1] / n) : "",
                    dynamo ? units(sums[2] / n) : "");
            if (service.contains("stream")) {
                streamReads += sums[0] / n;
            } else if (dynamo) {
                dynamoRequests += sums[0] / n;
                readUnits += sums[1] / n;
                writeUnits += sums[2] / n;
            } else if (service.contains("sqs")) {
                sqsRequests += sums[0] / n;
            } else {
                sfnCalls += sums[0] / n;
            }
        }
        aws.row("DynamoDB", "all", perBooking(dynamoRequests), units(readUnits), units(writeUnits))
                .row("SQS", "all", perBooking(sqsRequests), "", "")
                .row("DynamoDB Streams", "all", perBooking(streamReads), "", "")
                .row("Step Functions", "API calls", perBooking(sfnCalls), "", "")
                .row("Step Functions", "state transitions", perBooking(transitions / n), "", "");
        StringBuilder empty = new StringBuilder();
        emptyPolls.forEach((operation, count) -> empty.append(operation).append(' ').append(count).append("× "));
        aws.note("callers: the functions (attributed by the handler running on the thread) and the runtime's event-source"
                        + " pollers (SQS receive/delete, stream reads), all through one global SDK interceptor")
                .note("empty polls (no messages / no records) and the stream poller's DescribeStream/GetShardIterator"
                        + " before each poll come by the clock, not per booking: left out above; in the "
                        + window + " window: " + (empty.isEmpty() ? "none" : empty.toString().strip()))
                .note("RRU/WRU derived from the item sizes in the requests and responses (moto's ConsumedCapacity is a"
                        + " fixed placeholder): read 1 per 4 KB strongly consistent, ½ eventually, 2 transactional; write 1"
                        + " per 1 KB, 2 in a transaction; UpdateItem/DeleteItem and a transaction's Update/Delete/"
                        + "ConditionCheck assumed ≤ 1 KB; global secondary index writes not counted")
                .note("transitions: the emulator's count per execution (state entered + retries), summed over the bookings");

        double lambdaRequests = perBookingInvocations * ListPrices.LAMBDA_PER_MILLION_REQUESTS;
        double lambdaDuration = gbSeconds * ListPrices.LAMBDA_PER_GB_SECOND * 1e6;
        double stepFunctions = transitions / n * ListPrices.STEP_FUNCTIONS_PER_THOUSAND_TRANSITIONS * 1e3;
        double dynamoReads = readUnits * ListPrices.DYNAMODB_PER_MILLION_READ_UNITS;
        double dynamoWrites = writeUnits * ListPrices.DYNAMODB_PER_MILLION_WRITE_UNITS;
        double sqs = sqsRequests * ListPrices.SQS_PER_MILLION_REQUESTS;
        double api = httpInvocations * ListPrices.HTTP_API_PER_MILLION_REQUESTS;
        Table cost = new Table("List-price cost per million completed bookings " + paidHow
                + " (us-east-1, on-demand, no free tier; the card provider's fees not included)",
                "service", "billed unit", "per booking", "price", "$ per 1M bookings")
                .row("Lambda", "requests", perBooking(perBookingInvocations), "$0.20 / 1M", dollars(lambdaRequests))
                .row("Lambda", "GB-s", String.format(Locale.ROOT, "%.3f", gbSeconds), "$0.0000166667 / GB-s",
                        dollars(lambdaDuration))
                .row("Step Functions Standard", "state transitions", perBooking(transitions / n), "$0.025 / 1000",
                        dollars(stepFunctions))
                .row("DynamoDB on-demand", "read request units", units(readUnits), "$0.125 / 1M", dollars(dynamoReads))
                .row("DynamoDB on-demand", "write request units", units(writeUnits), "$0.625 / 1M", dollars(dynamoWrites))
                .row("SQS standard", "requests", perBooking(sqsRequests), "$0.40 / 1M", dollars(sqs))
                .row("DynamoDB Streams", "GetRecords by Lambda", perBooking(streamReads), "free", dollars(0))
                .row("API Gateway HTTP API", "requests", perBooking(httpInvocations), "$1.00 / 1M", dollars(api))
                .row("total", "", "", "", dollars(lambdaRequests + lambdaDuration + stepFunctions + dynamoReads
                        + dynamoWrites + sqs + api));
        cost.note("prices: ListPrices (sources and date in its comment); Lambda GB-s = Σ invocations × mean handler time"
                        + " × catalogue memory; storage, data transfer, CloudWatch and the schedules' own ticks are not"
                        + " included")
                .note("SQS requests include the pollers' receives that returned messages and their deletes (Lambda's"
                        + " event-source mapping makes them on AWS too); its idle long polls are a per-queue, per-hour cost");
        return List.of(lambda, aws, byCaller(requests, n), cost);
    }

    /**
     * The local stream poller takes a fresh shard iterator on every poll (DESIGN §6), so these come by the clock, not
     * per booking; under Lambda's event-source mapping they are internal and free.
     */
    private static boolean isPollerBookkeeping(AwsRequestMeter.Key key) {
        return key.caller().startsWith("stream-")
                && (key.operation().equals("DescribeStream") || key.operation().equals("GetShardIterator"));
    }

    /** Per caller (function or poller), for the DynamoDB and SQS requests it made per booking. */
    private static Table byCaller(Map<AwsRequestMeter.Key, AwsRequestMeter.Tally> requests, double n) {
        Map<String, double[]> callers = new TreeMap<>();
        requests.forEach((key, tally) -> {
            String service = key.service().toLowerCase(Locale.ROOT);
            if (key.empty() || service.contains("stream")) {
                return;
            }
            double[] sums = callers.computeIfAbsent(key.caller(), k -> new double[4]);
            if (service.contains("dynamo")) {
                sums[0] += tally.requests();
                sums[1] += tally.readUnits();
                sums[2] += tally.writeUnits();
            } else if (service.contains("sqs")) {
                sums[3] += tally.requests();
            }
        });
        Table table = new Table("DynamoDB and SQS requests per completed booking, by caller",
                "caller", "DynamoDB requests", "RRU", "WRU", "SQS requests");
        callers.forEach((caller, sums) -> {
            if (sums[0] + sums[3] > 0) {
                table.row(caller, perBooking(sums[0] / n), units(sums[1] / n), units(sums[2] / n), perBooking(sums[3] / n));
            }
        });
        return table.note("callers named sqs-<function> / stream-<function> are the runtime's event-source pollers");
    }

    /** Waits until no function other than a scheduled one has run for {@link #QUIET}. */
    private static void settle() throws InterruptedException {
        Predicate<String> notScheduled = function -> spec(function).map(s -> s.kind() != FunctionKind.SCHEDULED).orElse(true);
        long deadline = System.nanoTime() + MAX_SETTLE.toNanos();
        long last = FunctionMeter.INSTANCE.invocationsSoFar(notScheduled);
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            long now = FunctionMeter.INSTANCE.invocationsSoFar(notScheduled);
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }

    /** Function names keyed by "kind name", so the table reads by trigger. */
    private static Map<String, FunctionMeter.Usage> byKind(Map<String, FunctionMeter.Usage> invocations) {
        Map<String, FunctionMeter.Usage> sorted = new TreeMap<>();
        invocations.forEach((function, usage) -> sorted.put(
                spec(function).map(s -> s.kind().ordinal()).orElse(9) + " " + function, usage));
        return sorted;
    }

    private static Optional<FunctionSpec> spec(String function) {
        return Catalogue.functions().stream().filter(f -> f.name().equals(function)).findFirst();
    }

    private static String perBooking(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String units(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String dollars(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

package io.ticketflow.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Counts every AWS request made in this JVM, by service, operation and caller — the function whose handler runs
 * on the calling thread, else the thread (the runtime's pollers run on threads named after their subscription) —
 * plus the DynamoDB capacity units each request costs ({@link DynamoDbCapacity}). It is a global SDK interceptor
 * (listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors}): the runtime's own pollers
 * build their clients without the bench's interceptors, and their requests are part of a booking's cost too.
 */
public final class AwsRequestMeter implements ExecutionInterceptor {

    /** Static because the SDK creates one instance per client by reflection; they all count here. */
    static final Requests REQUESTS = new Requests();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (REQUESTS.recording) {
            REQUESTS.record(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request(), context.response());
        }
    }

    /** One kind of request: service, operation, who made it, and whether it came back empty (polls only). */
    record Key(String service, String operation, String caller, boolean empty) {
    }

    /** The counts of one kind of request, and the DynamoDB capacity units they used. */
    record Tally(long requests, double readUnits, double writeUnits) {
    }

    static final class Requests {

        private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
        private final Map<Key, DoubleAdder> readUnits = new ConcurrentHashMap<>();
        private final Map<Key, DoubleAdder> writeUnits = new ConcurrentHashMap<>();
        /** Largest item put whole, by physical table name (updates are not sized: the request holds no item). */
        private final Map<String, Long> largestPut = new ConcurrentHashMap<>();
        private volatile boolean recording;

        private void record(String service, String operation, SdkRequest request, SdkResponse response) {
            String caller = FunctionMeter.INSTANCE.runningFunction().orElseGet(() -> Thread.currentThread().getName());
            Key key = new Key(service, operation, caller, isEmptyPoll(response));
            requests.computeIfAbsent(key, k -> new LongAdder()).increment();
            DynamoDbCapacity.Units units = DynamoDbCapacity.of(request, response);
            readUnits.computeIfAbsent(key, k -> new DoubleAdder()).add(units.read());
            writeUnits.computeIfAbsent(key, k -> new DoubleAdder()).add(units.write());
            DynamoDbCapacity.itemsPut(request).forEach(put -> largestPut.merge(put.getKey(), put.getValue(), Math::max));
        }

        /** The largest item put per table since {@link #start}, in bytes as DynamoDB counts them. */
        Map<String, Long> largestItemsPut() {
            return new TreeMap<>(largestPut);
        }

        void start() {
            requests.clear();
            readUnits.clear();
            writeUnits.clear();
            largestPut.clear();
            recording = true;
        }

        Map<Key, Tally> stop() {
            recording = false;
            Map<Key, Tally> tallies = new TreeMap<>(java.util.Comparator.comparing(Key::toString));
            requests.forEach((key, count) -> tallies.put(key,
                    new Tally(count.sum(), readUnits.get(key).sum(), writeUnits.get(key).sum())));
            return tallies;
        }
    }

    /** A receive or stream read that returned nothing: pollers make these by the clock, not per booking. */
    private static boolean isEmptyPoll(SdkResponse response) {
        if (response instanceof ReceiveMessageResponse received) {
            return !received.hasMessages() || received.messages().isEmpty();
        }
        if (response instanceof GetRecordsResponse records) {
            return !records.hasRecords() || records.records().isEmpty();
        }
        return false;
    }
}

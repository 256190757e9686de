package io.ticketflow.local;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the test functions saw. The functions run inside contexts that {@code FunctionInvoker} creates,
 * out of the tests' reach, so they report here; tests clear it before each case.
 */
final class Recorded {

    static final Map<String, AtomicInteger> HTTP_CALLS = new ConcurrentHashMap<>();
    static final List<String> STREAM_DELIVERIES = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> STREAM_ATTEMPTS = new ConcurrentHashMap<>();
    static final List<String> SQS_DELIVERIES = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> SQS_ATTEMPTS = new ConcurrentHashMap<>();
    static final AtomicInteger TICKS = new AtomicInteger();
    static final List<String> SAGA_STEPS = new CopyOnWriteArrayList<>();

    private Recorded() {
    }

    static void clear() {
        HTTP_CALLS.clear();
        STREAM_DELIVERIES.clear();
        STREAM_ATTEMPTS.clear();
        SQS_DELIVERIES.clear();
        SQS_ATTEMPTS.clear();
        TICKS.set(0);
        SAGA_STEPS.clear();
    }

    static int count(Map<String, AtomicInteger> counters, String key) {
        AtomicInteger counter = counters.get(key);
        return counter == null ? 0 : counter.get();
    }

    static int increment(Map<String, AtomicInteger> counters, String key) {
        return counters.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
}

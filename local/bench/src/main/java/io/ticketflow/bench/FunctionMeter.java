package io.ticketflow.bench;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Counts the local runtime's Lambda invocations by function, and the time each spent in its handler, by wrapping
 * every function bean (see {@link MeteredFunctions}). The function running on a thread is also what
 * {@link AwsRequestMeter} attributes that thread's AWS requests to.
 */
final class FunctionMeter {

    /**
     * Static because {@code FunctionInvoker} creates the start class by reflection, one context per function: this
     * is the one place every context's wrappers can report to.
     */
    static final FunctionMeter INSTANCE = new FunctionMeter();

    private final ThreadLocal<String> running = new ThreadLocal<>();
    private final Map<String, LongAdder> invocations = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> handlerNanos = new ConcurrentHashMap<>();
    private volatile boolean recording;

    /** What one function did while recording. */
    record Usage(long invocations, double meanMillis) {
    }

    <I, O> Function<I, O> metered(String function, Function<I, O> handler) {
        return input -> {
            String outer = running.get();
            running.set(function);
            long start = System.nanoTime();
            try {
                return handler.apply(input);
            } finally {
                if (recording) {
                    invocations.computeIfAbsent(function, name -> new LongAdder()).increment();
                    handlerNanos.computeIfAbsent(function, name -> new LongAdder()).add(System.nanoTime() - start);
                }
                running.set(outer);
            }
        };
    }

    /** The function whose handler is running on this thread, if any. */
    Optional<String> runningFunction() {
        return Optional.ofNullable(running.get());
    }

    /** Invocations so far since {@link #start()} of the functions that {@code counted} accepts. */
    long invocationsSoFar(Predicate<String> counted) {
        return invocations.entrySet().stream().filter(entry -> counted.test(entry.getKey()))
                .mapToLong(entry -> entry.getValue().sum()).sum();
    }

    void start() {
        invocations.clear();
        handlerNanos.clear();
        recording = true;
    }

    /** Stops recording; function name → its invocations since {@link #start()}, sorted by name. */
    Map<String, Usage> stop() {
        recording = false;
        Map<String, Usage> usage = new TreeMap<>();
        invocations.forEach((function, count) -> usage.put(function, new Usage(count.sum(),
                handlerNanos.get(function).sum() / 1e6 / Math.max(1, count.sum()))));
        return usage;
    }
}

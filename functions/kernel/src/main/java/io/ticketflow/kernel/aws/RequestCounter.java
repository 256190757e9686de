package io.ticketflow.kernel.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS requests by operation name while an action runs: deterministic, unlike time through an emulator.
 * Register it on the clients ({@code ClientOverrideConfiguration.addExecutionInterceptor}); it counts only inside
 * {@link #during}, one action at a time.
 */
public final class RequestCounter implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile boolean counting;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (counting) {
            counts.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    name -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** @return operation name → requests made while {@code action} ran, sorted by name */
    public Map<String, Integer> during(Runnable action) {
        counts.clear();
        counting = true;
        try {
            action.run();
        } finally {
            counting = false;
        }
        Map<String, Integer> snapshot = new TreeMap<>();
        counts.forEach((name, count) -> snapshot.put(name, count.get()));
        return snapshot;
    }
}

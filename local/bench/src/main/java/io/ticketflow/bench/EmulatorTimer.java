package io.ticketflow.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Records how long each AWS call waits on the emulator: from the moment the request goes on the wire to the
 * moment its response is back ({@code beforeTransmission} → {@code afterTransmission}), with the calling
 * thread, so a figure can tell the emulator's share of its wall time from the JVM's own work.
 */
public final class EmulatorTimer implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> SENT_AT = new ExecutionAttribute<>("ticketflow.bench.sentAtNanos");

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    /** One call on the wire, in {@link System#nanoTime()} terms. */
    public record Call(String thread, long sentNanos, long receivedNanos) {
        public long nanos() {
            return receivedNanos - sentNanos;
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (recording) {
            attributes.putAttribute(SENT_AT, System.nanoTime());
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Long sent = attributes.getAttribute(SENT_AT);
        if (sent != null) {
            calls.add(new Call(Thread.currentThread().getName(), sent, System.nanoTime()));
        }
    }

    public void start() {
        calls.clear();
        recording = true;
    }

    /** Stops recording and returns the calls made since {@link #start()}. */
    public List<Call> stop() {
        recording = false;
        return List.copyOf(calls);
    }

    /** Time during which at least one call was waiting on the emulator (overlapping calls count once). */
    public static long busyNanos(List<Call> calls) {
        List<Call> byStart = new ArrayList<>(calls);
        byStart.sort(Comparator.comparingLong(Call::sentNanos));
        long busy = 0;
        long openStart = Long.MIN_VALUE;
        long openEnd = Long.MIN_VALUE;
        for (Call call : byStart) {
            if (call.sentNanos() > openEnd) {
                busy += openEnd - openStart;
                openStart = call.sentNanos();
                openEnd = call.receivedNanos();
            } else {
                openEnd = Math.max(openEnd, call.receivedNanos());
            }
        }
        return busy + (openEnd - openStart);
    }
}

package io.ticketflow.kernel.observe;

import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The correlation id of the work on this thread, on every log line written meanwhile ({@link JsonLogLayout} prints
 * the MDC). It is the booking (reservation id) wherever one is known, so one query finds a booking's lines from the
 * API through the saga to the last consumer; otherwise the request's own id. Set only by the adapters of the
 * kernel and messaging (HTTP, saga tasks, stream and SQS batches), never by a function.
 */
public final class Correlation {

    /** The MDC key, and the field of each JSON log line. */
    public static final String KEY = "correlationId";

    private Correlation() {
    }

    /** Runs {@code work} with {@code correlationId} on this thread's log lines, then puts back what was there. */
    public static <T> T with(String correlationId, Supplier<T> work) {
        String outer = MDC.get(KEY);
        put(correlationId);
        try {
            return work.get();
        } finally {
            put(outer);
        }
    }

    private static void put(String correlationId) {
        if (correlationId == null || correlationId.isBlank()) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, correlationId);
        }
    }
}

package io.ticketflow.local;

import io.ticketflow.kernel.function.InvocationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The functions, each behind its own {@link FunctionInvoker} — the handler Lambda runs — so a local call
 * goes through the same JSON-in, JSON-out path as on AWS, including the event type conversion.
 */
final class LocalLambdas {

    private static final Logger LOG = LoggerFactory.getLogger(LocalLambdas.class);
    private static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /**
     * The function whose handler runs on this thread: what a function calls, it calls on the thread it runs on, so
     * the AWS requests made here can be told apart per function (the tests check them against its catalogue grants).
     */
    private static final ThreadLocal<String> RUNNING = new ThreadLocal<>();

    private final Map<String, FunctionInvoker> invokers;
    private final JsonMapper json;
    private final Faults faults;
    private volatile InvocationListener listener = InvocationListener.NONE;

    private LocalLambdas(Map<String, FunctionInvoker> invokers, JsonMapper json, Faults faults) {
        this.invokers = invokers;
        this.json = json;
        this.faults = faults;
    }

    /**
     * Starts one invoker (one application context, as one Lambda function would) per name. A function whose
     * invoker cannot start — typically one the catalogue names but no service initializer registers yet — is
     * left out with a warning, so the rest of the system still runs; calling it fails as an unknown function.
     */
    static LocalLambdas start(Collection<String> functionNames, JsonMapper json, Faults faults) {
        Map<String, FunctionInvoker> invokers = new LinkedHashMap<>();
        PrintStream console = System.out;
        // FunctionalSpringApplication prints "======> SOURCE: ..." with System.out for every context it starts:
        // two lines per function, which would bury the start-up banner.
        System.setOut(new SourceLineFilter(console));
        try {
            for (String name : functionNames) {
                try {
                    invokers.put(name, new FunctionInvoker(name));
                } catch (RuntimeException notStartable) {
                    LOG.warn("function {} is not deployed locally: it did not start ({})", name, notStartable.toString());
                }
            }
        } finally {
            System.setOut(console);
        }
        return new LocalLambdas(invokers, json, faults);
    }

    /** The function running on the calling thread, if any. */
    static Optional<String> running() {
        return Optional.ofNullable(RUNNING.get());
    }

    /** Whether a function of this name runs here. */
    boolean deploys(String function) {
        return invokers.containsKey(function);
    }

    /**
     * Invokes {@code function} with an event, as the Lambda service would, subject to the runtime's {@link Faults}.
     *
     * @throws FunctionFailed when the handler throws (a Lambda "function error"), or a {@link Faults.SimulatedCrash}
     *                        after it returned
     */
    JsonNode invoke(String function, JsonNode event) {
        faults.delayInvocation();
        // copied before the handler runs: the caller's node is what the function was given, whatever it does to it
        JsonNode given = listener == InvocationListener.NONE ? event : event.deepCopy();
        JsonNode answer;
        try {
            answer = invokeReliably(function, event);
        } catch (FunctionFailed failed) {
            listener.invoked(function, given, null, failed);
            throw failed;
        }
        listener.invoked(function, given, answer, null);
        if (faults.crashesNow()) {
            throw new FunctionFailed(function, new Faults.SimulatedCrash(function));
        }
        return answer;
    }

    /** From now on tells {@code listener} of every {@link #invoke}; {@link InvocationListener#NONE} stops it. */
    void listen(InvocationListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Invokes {@code function} without injected faults: the runtime's own operator calls. */
    JsonNode invokeReliably(String function, JsonNode event) {
        FunctionInvoker invoker = invokers.get(function);
        if (invoker == null) {
            throw new IllegalArgumentException("no function named " + function + " is deployed locally");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        InvocationContext context = InvocationContext.of(function, DEFAULT_TIMEOUT_SECONDS);
        String outer = RUNNING.get();
        RUNNING.set(function);
        try {
            invoker.handleRequest(new ByteArrayInputStream(json.writeValueAsBytes(event)), output, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new FunctionFailed(function, e);
        } finally {
            RUNNING.set(outer);
        }
        byte[] bytes = output.toByteArray();
        return bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
    }

    /**
     * Hears each invocation made by an event source, a schedule, API Gateway or Step Functions (not the runtime's own
     * {@link #invokeReliably} calls), after the handler ran, so a test can deliver the same event again.
     */
    @FunctionalInterface
    interface InvocationListener {
        InvocationListener NONE = (function, event, answer, failure) -> { };

        /** @param answer the handler's answer, or null when it threw {@code failure} */
        void invoked(String function, JsonNode event, JsonNode answer, FunctionFailed failure);
    }

    /** A function threw: Lambda reports an error to the caller (and retries for event sources). */
    static final class FunctionFailed extends RuntimeException {
        FunctionFailed(String function, Throwable cause) {
            super("function " + function + " failed: " + cause, cause);
        }
    }

    /** Drops the lines Spring Cloud Function's functional start-up prints to standard out; passes the rest. */
    private static final class SourceLineFilter extends PrintStream {

        SourceLineFilter(PrintStream target) {
            super(target, true, StandardCharsets.UTF_8);
        }

        @Override
        public void println(String line) {
            if (line == null || !line.startsWith("======> SOURCE:")) {
                super.println(line);
            }
        }
    }
}

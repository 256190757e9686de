package io.ticketflow.local.stepfunctions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * An emulator with a recording invoker and a manual clock, and shortcuts to run a definition and read what
 * happened. Close it after each test.
 */
final class EmulatorFixture implements AutoCloseable {

    static final Duration AWAIT = Duration.ofSeconds(2);

    final RecordingInvoker functions = new RecordingInvoker();
    final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2026-03-01T10:00:00Z"));
    final StepFunctionsEmulator emulator = StepFunctionsEmulator.builder()
            .taskInvoker(functions)
            .timeSource(clock)
            .build();
    private final AtomicInteger machines = new AtomicInteger();

    /** Creates a state machine with a fresh name. */
    String create(String definition) {
        return emulator.createStateMachine("machine-" + machines.incrementAndGet(), definition, null);
    }

    /** Starts an execution and returns its ARN. */
    String start(String definition, String input) {
        return emulator.startExecution(create(definition), null, input).executionArn();
    }

    /** Runs the definition to its end (real time at most 2 s) and describes the execution. */
    ExecutionDescription run(String definition, String input) throws TimeoutException, InterruptedException {
        return await(start(definition, input));
    }

    ExecutionDescription await(String executionArn) throws TimeoutException, InterruptedException {
        return emulator.awaitCompletion(executionArn, AWAIT);
    }

    List<String> eventTypes(String executionArn) {
        return emulator.getExecutionHistory(executionArn).stream().map(HistoryEvent::type).toList();
    }

    HistoryEvent lastEvent(String executionArn, String type) {
        List<HistoryEvent> events = emulator.getExecutionHistory(executionArn).stream()
                .filter(event -> event.type().equals(type)).toList();
        if (events.isEmpty()) {
            throw new AssertionError("no " + type + " event in " + eventTypes(executionArn));
        }
        return events.get(events.size() - 1);
    }

    static JsonNode json(String text) {
        return Json.parse(text);
    }

    @Override
    public void close() {
        emulator.close();
    }
}

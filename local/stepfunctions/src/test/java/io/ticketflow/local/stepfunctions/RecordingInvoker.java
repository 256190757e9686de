package io.ticketflow.local.stepfunctions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Stands in for the Lambda functions of a test: each name gets a behaviour, every call is recorded, and task
 * tokens found in payloads ({@code "token"} field) are handed to the test through {@link #nextToken()}.
 */
final class RecordingInvoker implements TaskInvoker {

    /** A function body that may fail like a Lambda function. */
    @FunctionalInterface
    interface Behaviour {
        JsonNode apply(JsonNode payload) throws TaskFailure;
    }

    record Call(String function, JsonNode payload) {
    }

    private final Map<String, Behaviour> functions = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();

    RecordingInvoker on(String function, Behaviour behaviour) {
        functions.put(function, behaviour);
        return this;
    }

    /** The function answers with this JSON whatever its input. */
    RecordingInvoker returning(String function, String json) {
        return on(function, payload -> Json.parse(json));
    }

    /** The function echoes its input. */
    RecordingInvoker echoing(String function) {
        return on(function, payload -> payload);
    }

    /** The function fails with this error the first {@code times} calls, then returns {@code json}. */
    RecordingInvoker failingThenReturning(String function, int times, String error, String json) {
        int[] failuresLeft = {times};
        return on(function, payload -> {
            synchronized (failuresLeft) {
                if (failuresLeft[0]-- > 0) {
                    throw new TaskFailure(error, "failure " + (times - failuresLeft[0]) + " of " + times);
                }
            }
            return Json.parse(json);
        });
    }

    @Override
    public JsonNode invoke(String function, JsonNode payload) throws TaskFailure {
        calls.add(new Call(function, payload));
        if (payload.has("token")) {
            tokens.add(payload.get("token").asString());
        }
        Behaviour behaviour = functions.get(function);
        if (behaviour == null) {
            throw new TaskFailure("Lambda.ResourceNotFoundException", "Function not found: " + function);
        }
        return behaviour.apply(payload);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> callsTo(String function) {
        return calls.stream().filter(call -> call.function().equals(function)).toList();
    }

    /** The next task token a function received, waiting up to 2 s for it. */
    String nextToken() throws InterruptedException {
        String token = tokens.poll(Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
        if (token == null) {
            throw new AssertionError("no function received a task token within 2 s");
        }
        return token;
    }
}

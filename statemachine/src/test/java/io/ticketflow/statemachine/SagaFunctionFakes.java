package io.ticketflow.statemachine;

import io.ticketflow.local.stepfunctions.TaskFailure;
import io.ticketflow.local.stepfunctions.TaskInvoker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stand-ins for the saga's Lambda functions (not for any AWS service): each answers like the real function
 * would on its happy path, can be told to fail like it, and every call is recorded with its payload. Task
 * tokens that {@code awaitPayment} receives are handed to the test, as the Payment service would store them.
 */
final class SagaFunctionFakes implements TaskInvoker {

    /** A function body that may fail like a Lambda function. */
    @FunctionalInterface
    interface Behaviour {
        JsonNode apply(JsonNode payload) throws TaskFailure;
    }

    record Call(String function, JsonNode payload) {
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Behaviour> functions = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> taskTokens = new LinkedBlockingQueue<>();

    SagaFunctionFakes() {
        returning("awaitPayment", "{}");
        returning("authorisePayment", "{\"paymentId\":\"pay-1\",\"status\":\"AUTHORISED\"}");
        returning("capturePayment", "{\"paymentId\":\"pay-1\",\"status\":\"CAPTURED\"}");
        returning("earnPoints", "{\"operationId\":\"r-1:earn\",\"pointsEarned\":0,\"balance\":70}");
        returning("takeBackEarnedPoints", "{\"operationId\":\"r-1:take-back\",\"pointsTakenBack\":0,\"balance\":70}");
        returning("deductPoints", "{\"operationId\":\"r-1:deduct\",\"balance\":70}");
        returning("confirmReservation", "{\"reservationId\":\"r-1\",\"status\":\"CONFIRMED\"}");
        returning("expireQueueToken", "{\"status\":\"EXPIRED\"}");
        returning("releaseSeats", "{\"status\":\"CANCELLED\"}");
        returning("restoreQueueToken", "{\"status\":\"WAITING\"}");
        returning("cancelPayment", "{\"status\":\"CANCELLED\"}");
        returning("refundPoints", "{\"balance\":100}");
        returning("reportStuckBooking", "{\"messageId\":\"m-1\"}");
    }

    SagaFunctionFakes on(String function, Behaviour behaviour) {
        functions.put(function, behaviour);
        return this;
    }

    SagaFunctionFakes returning(String function, String json) {
        JsonNode answer = JSON.readTree(json);
        return on(function, payload -> answer.deepCopy());
    }

    /** The function always fails with this error name, as Lambda reports an uncaught exception of that class. */
    SagaFunctionFakes failing(String function, String error) {
        return on(function, payload -> {
            throw new TaskFailure(error, "{\"errorType\":\"" + error + "\",\"errorMessage\":\"fake failure\"}");
        });
    }

    /** Fails with {@code error} the first {@code times} calls, then answers as before. */
    SagaFunctionFakes failingFirst(String function, int times, String error) {
        Behaviour then = functions.get(function);
        int[] left = {times};
        return on(function, payload -> {
            synchronized (left) {
                if (left[0] > 0) {
                    left[0]--;
                    throw new TaskFailure(error, "transient");
                }
            }
            return then.apply(payload);
        });
    }

    @Override
    public JsonNode invoke(String function, JsonNode payload) throws TaskFailure {
        calls.add(new Call(function, payload));
        if (payload.has("taskToken")) {
            taskTokens.add(payload.get("taskToken").asString());
        }
        Behaviour behaviour = functions.get(function);
        if (behaviour == null) {
            throw new TaskFailure("Lambda.ResourceNotFoundException", "Function not found: " + function);
        }
        return behaviour.apply(payload);
    }

    /** The functions called, in order (retries included). */
    List<String> sequence() {
        return calls.stream().map(Call::function).toList();
    }

    List<Call> callsTo(String function) {
        return calls.stream().filter(call -> call.function().equals(function)).toList();
    }

    JsonNode onlyCallTo(String function) {
        List<Call> matching = callsTo(function);
        if (matching.size() != 1) {
            throw new AssertionError(function + " was called " + matching.size() + " times: " + sequence());
        }
        return matching.get(0).payload();
    }

    /** The task token the next awaitPayment call received, waiting up to 5 s of real time. */
    String nextTaskToken() throws InterruptedException {
        String token = taskTokens.poll(5, TimeUnit.SECONDS);
        if (token == null) {
            throw new AssertionError("awaitPayment received no task token within 5 s; calls: " + sequence());
        }
        return token;
    }
}

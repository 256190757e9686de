package io.ticketflow.local.stepfunctions;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.ticketflow.local.stepfunctions.asl.AslError;
import io.ticketflow.local.stepfunctions.asl.ErrorNames;
import io.ticketflow.local.stepfunctions.asl.ReferencePath;
import io.ticketflow.local.stepfunctions.asl.State;
import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs Task states: Parameters, the Lambda call on an emulator thread (bounded by TimeoutSeconds), for
 * {@code .waitForTaskToken} the wait for SendTask* (bounded by TimeoutSeconds and HeartbeatSeconds), then
 * ResultSelector, ResultPath and OutputPath; Retry and Catch around all of it.
 */
final class TaskRunner {

    private final Services services;

    TaskRunner(Services services) {
        this.services = services;
    }

    Transition run(State.Task task, JsonNode rawInput, Strand strand, Instant entered) {
        JsonNode effective = task.io().effectiveInput(rawInput,
                ContextObject.of(strand, task.name(), entered, 0, null));
        return Recovery.run(task.name(), "Task", task.next(), task.errors(), rawInput, strand, services.time(),
                retryCount -> attempt(task, rawInput, effective, strand, entered, retryCount));
    }

    private JsonNode attempt(State.Task task, JsonNode rawInput, JsonNode effective, Strand strand,
                             Instant entered, int retryCount) {
        PendingTask pending = task.resource().endsWith(".waitForTaskToken")
                ? services.tokens().issue(strand.cancellation(), services.time().now()) : null;
        try {
            ObjectNode context = ContextObject.of(strand, task.name(), entered, retryCount,
                    pending == null ? null : pending.token());
            JsonNode parameters = task.io().parameters(effective, context);
            TaskTarget target = TaskTarget.resolve(task.resource(), parameters);
            Long timeout = seconds(task.timeoutSeconds(), task.timeoutSecondsPath(), effective, context);
            Long heartbeat = target.waitsForToken()
                    ? seconds(task.heartbeatSeconds(), task.heartbeatSecondsPath(), effective, context) : null;
            emitScheduled(strand, task, target, parameters, timeout, heartbeat);
            Instant started = services.time().now();
            Instant deadline = timeout == null ? null : started.plusSeconds(timeout);
            JsonNode result = target.waitsForToken()
                    ? awaitCallback(target, pending, deadline, heartbeat, strand, started)
                    : target.result(invoke(target, deadline, strand));
            strand.emit(target.eventPrefix() + "Succeeded", detailsName(target.eventPrefix() + "Succeeded"),
                    target.details().setAll(EventDetails.output(result)));
            JsonNode selected = task.io().selectResult(result, context);
            JsonNode output = task.io().output(rawInput, selected, context);
            strand.emit("TaskStateExited", "stateExitedEventDetails", EventDetails.stateExited(task.name(), output));
            return output;
        } finally {
            if (pending != null) {
                services.tokens().close(pending);
            }
        }
    }

    private void emitScheduled(Strand strand, State.Task task, TaskTarget target, JsonNode parameters,
                               Long timeout, Long heartbeat) {
        ObjectNode scheduled;
        if (target.direct()) {
            scheduled = Json.object().put("resource", task.resource()).put("input", Json.write(target.payload()));
            scheduled.putObject("inputDetails").put("truncated", false);
        } else {
            scheduled = target.details().put("region", services.region()).put("parameters", Json.write(parameters));
            if (heartbeat != null) {
                scheduled.put("heartbeatInSeconds", heartbeat);
            }
        }
        if (timeout != null) {
            scheduled.put("timeoutInSeconds", timeout);
        }
        strand.emit(target.eventPrefix() + "Scheduled", detailsName(target.eventPrefix() + "Scheduled"), scheduled);
        if (target.direct()) {
            strand.emit("LambdaFunctionStarted");
        } else {
            strand.emit("TaskStarted", "taskStartedEventDetails", target.details());
        }
    }

    /** Calls the function on an emulator thread and waits for it, at most until {@code deadline}. */
    private JsonNode invoke(TaskTarget target, Instant deadline, Strand strand) {
        CompletableFuture<JsonNode> call = CompletableFuture.supplyAsync(() -> callFunction(target),
                services.executor());
        CompletableFuture<Void> timer = deadline == null ? null : services.time().at(deadline);
        try {
            Waits.awaitAny(strand.cancellation(), call, timer);
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        if (!call.isDone()) {
            throw timedOut(strand, target, ErrorNames.TIMEOUT, "The function did not return within TimeoutSeconds");
        }
        try {
            return call.join();
        } catch (CompletionException e) {
            TaskFailure failure = e.getCause() instanceof TaskFailure known ? known : TaskFailure.of(e.getCause());
            strand.emit(target.eventPrefix() + "Failed", detailsName(target.eventPrefix() + "Failed"),
                    target.details().setAll(EventDetails.failure(failure.error(), failure.cause())));
            throw new AslError(failure.error(), failure.cause());
        }
    }

    private JsonNode callFunction(TaskTarget target) {
        try {
            JsonNode result = services.invoker().invoke(target.functionName(), target.payload().deepCopy());
            return result == null ? Json.NODES.nullNode() : result;
        } catch (TaskFailure failure) {
            throw new CompletionException(failure);
        } catch (RuntimeException e) {
            throw new CompletionException(TaskFailure.of(e));
        }
    }

    /**
     * The callback pattern: the function is invoked (TaskSubmitted), then the task waits for SendTaskSuccess or
     * SendTaskFailure; TimeoutSeconds counts from TaskStarted, HeartbeatSeconds from the latest heartbeat.
     */
    private JsonNode awaitCallback(TaskTarget target, PendingTask pending, Instant deadline, Long heartbeatSeconds,
                                   Strand strand, Instant started) {
        JsonNode invokeResponse = target.result(invoke(target, deadline, strand));
        strand.emit("TaskSubmitted", "taskSubmittedEventDetails",
                target.details().setAll(EventDetails.output(invokeResponse)));
        pending.heartbeat(started);
        CompletableFuture<Void> timeoutTimer = deadline == null ? null : services.time().at(deadline);
        try {
            while (!pending.outcome().isDone()) {
                CompletableFuture<Void> beat = pending.nextHeartbeat();
                CompletableFuture<Void> heartbeatTimer = heartbeatSeconds == null ? null
                        : services.time().at(pending.lastHeartbeat().plusSeconds(heartbeatSeconds));
                try {
                    Waits.awaitAny(strand.cancellation(), pending.outcome(), timeoutTimer, heartbeatTimer, beat);
                } finally {
                    if (heartbeatTimer != null) {
                        heartbeatTimer.cancel(false);
                    }
                }
                if (Waits.fired(timeoutTimer)) {
                    expire(pending, strand, target, ErrorNames.TIMEOUT,
                            "No SendTaskSuccess or SendTaskFailure within TimeoutSeconds");
                } else if (Waits.fired(heartbeatTimer) && !beat.isDone()) {
                    expire(pending, strand, target, ErrorNames.HEARTBEAT_TIMEOUT,
                            "No SendTaskHeartbeat within HeartbeatSeconds");
                }
            }
        } finally {
            if (timeoutTimer != null) {
                timeoutTimer.cancel(false);
            }
        }
        PendingTask.Outcome outcome = pending.outcome().join();
        if (outcome.succeeded()) {
            return outcome.output();
        }
        strand.emit("TaskFailed", "taskFailedEventDetails",
                target.details().setAll(EventDetails.failure(outcome.error(), outcome.cause())));
        throw new AslError(outcome.error(), outcome.cause());
    }

    /** Times the task out unless its holder reported in the same instant, in which case that report stands. */
    private void expire(PendingTask pending, Strand strand, TaskTarget target, String error, String cause) {
        if (pending.report(new PendingTask.Outcome(false, null, error, cause))) {
            throw timedOut(strand, target, error, cause);
        }
    }

    private AslError timedOut(Strand strand, TaskTarget target, String error, String cause) {
        strand.emit(target.eventPrefix() + "TimedOut", detailsName(target.eventPrefix() + "TimedOut"),
                target.details().setAll(EventDetails.failure(error, cause)));
        return new AslError(error, cause);
    }

    private static Long seconds(Integer literal, ReferencePath path, JsonNode effective, JsonNode context) {
        if (literal != null) {
            return literal.longValue();
        }
        if (path == null) {
            return null;
        }
        JsonNode value = path.read(effective, context).orElse(null);
        if (value == null || !value.isIntegralNumber() || value.longValue() <= 0) {
            throw new AslError(ErrorNames.RUNTIME, "The path '" + path
                    + "' must select a positive integer number of seconds, got " + value);
        }
        return value.longValue();
    }

    /** {@code TaskScheduled} to {@code taskScheduledEventDetails}. */
    private static String detailsName(String eventType) {
        return Character.toLowerCase(eventType.charAt(0)) + eventType.substring(1) + "EventDetails";
    }
}

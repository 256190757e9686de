package io.ticketflow.local.stepfunctions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.ticketflow.local.stepfunctions.asl.AslError;
import io.ticketflow.local.stepfunctions.asl.ErrorNames;
import io.ticketflow.local.stepfunctions.asl.State;
import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs inline Map states: one iteration of the item processor per item of ItemsPath (input shaped by
 * ItemSelector), at most MaxConcurrency at once and started in item order; the output is the array of iteration
 * outputs in item order. The first iteration to fail stops the others and fails the state.
 */
final class MapRunner {

    private static final long PERMIT_POLL_MILLIS = 20;

    private final Services services;
    private final Interpreter interpreter;

    MapRunner(Services services, Interpreter interpreter) {
        this.services = services;
        this.interpreter = interpreter;
    }

    Transition run(State.Map map, JsonNode rawInput, Strand strand, Instant entered) {
        JsonNode effective = map.io().effectiveInput(rawInput, ContextObject.of(strand, map.name(), entered, 0, null));
        return Recovery.run(map.name(), "Map", map.next(), map.errors(), rawInput, strand, services.time(),
                retryCount -> attempt(map, rawInput, effective, strand, entered, retryCount));
    }

    private JsonNode attempt(State.Map map, JsonNode rawInput, JsonNode effective, Strand strand, Instant entered,
                             int retryCount) {
        ObjectNode context = ContextObject.of(strand, map.name(), entered, retryCount, null);
        JsonNode items = map.itemsPath().read(effective, context).orElse(null);
        if (items == null || !items.isArray()) {
            throw new AslError(ErrorNames.RUNTIME, "The ItemsPath '" + map.itemsPath()
                    + "' must select an array, got " + items);
        }
        strand.emit("MapStateStarted", "mapStateStartedEventDetails", Json.object().put("length", items.size()));
        Cancellation group = strand.cancellation().child();
        AtomicReference<AslError> firstFailure = new AtomicReference<>();
        Semaphore permits = new Semaphore(map.maxConcurrency() == 0 ? Integer.MAX_VALUE : map.maxConcurrency());
        List<CompletableFuture<JsonNode>> iterations = new ArrayList<>();
        for (int index = 0; index < items.size() && acquire(permits, group); index++) {
            int itemIndex = index;
            JsonNode item = items.get(index);
            Strand iterationStrand = strand.fork(group);
            iterations.add(CompletableFuture.supplyAsync(() -> iterate(map, itemIndex, item, effective, context,
                    iterationStrand, group, firstFailure), services.executor())
                    .whenComplete((ignored, failure) -> permits.release()));
        }
        Waits.awaitAny(strand.cancellation(), CompletableFuture.allOf(iterations.toArray(CompletableFuture[]::new)));
        if (firstFailure.get() != null) {
            strand.emit("MapStateFailed");
            throw firstFailure.get();
        }
        ArrayNode outputs = Json.array();
        iterations.forEach(iteration -> outputs.add(iteration.join()));
        strand.emit("MapStateSucceeded");
        JsonNode output = map.io().output(rawInput, map.io().selectResult(outputs, context), context);
        strand.emit("MapStateExited", "stateExitedEventDetails", EventDetails.stateExited(map.name(), output));
        return output;
    }

    private JsonNode iterate(State.Map map, int index, JsonNode item, JsonNode effective, ObjectNode context,
                             Strand strand, Cancellation group, AtomicReference<AslError> firstFailure) {
        strand.emit("MapIterationStarted", "mapIterationStartedEventDetails",
                EventDetails.mapIteration(map.name(), index));
        try {
            JsonNode input = map.itemSelector() == null ? item
                    : map.itemSelector().resolve(effective, ContextObject.withMapItem(context, index, item));
            JsonNode output = interpreter.run(map.processor(), input, strand);
            strand.emit("MapIterationSucceeded", "mapIterationSucceededEventDetails",
                    EventDetails.mapIteration(map.name(), index));
            return output;
        } catch (AslError failure) {
            strand.emit("MapIterationFailed", "mapIterationFailedEventDetails",
                    EventDetails.mapIteration(map.name(), index));
            if (firstFailure.compareAndSet(null, failure)) {
                group.cancel("another iteration failed");
            }
            throw failure;
        } catch (ExecutionAborted aborted) {
            strand.emit("MapIterationAborted", "mapIterationAbortedEventDetails",
                    EventDetails.mapIteration(map.name(), index));
            throw aborted;
        }
    }

    /** Takes a concurrency slot; false when the Map was stopped meanwhile (no more iterations start). */
    private static boolean acquire(Semaphore permits, Cancellation group) {
        try {
            while (!permits.tryAcquire(PERMIT_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (group.isCancelled()) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionAborted("interrupted");
        }
        if (group.isCancelled()) {
            permits.release();
            return false;
        }
        return true;
    }
}

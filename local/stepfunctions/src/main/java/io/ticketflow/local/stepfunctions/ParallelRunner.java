package io.ticketflow.local.stepfunctions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.ticketflow.local.stepfunctions.asl.AslError;
import io.ticketflow.local.stepfunctions.asl.State;
import io.ticketflow.local.stepfunctions.asl.StateGraph;
import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs Parallel states: every branch on its own thread with the same input; the output is the array of branch
 * outputs in branch order. The first branch to fail stops the others, and its error becomes the state's error.
 */
final class ParallelRunner {

    private final Services services;
    private final Interpreter interpreter;

    ParallelRunner(Services services, Interpreter interpreter) {
        this.services = services;
        this.interpreter = interpreter;
    }

    Transition run(State.Parallel parallel, JsonNode rawInput, Strand strand, Instant entered) {
        JsonNode effective = parallel.io().effectiveInput(rawInput,
                ContextObject.of(strand, parallel.name(), entered, 0, null));
        return Recovery.run(parallel.name(), "Parallel", parallel.next(), parallel.errors(), rawInput, strand,
                services.time(), retryCount -> attempt(parallel, rawInput, effective, strand, entered, retryCount));
    }

    private JsonNode attempt(State.Parallel parallel, JsonNode rawInput, JsonNode effective, Strand strand,
                             Instant entered, int retryCount) {
        ObjectNode context = ContextObject.of(strand, parallel.name(), entered, retryCount, null);
        JsonNode branchInput = parallel.io().parameters(effective, context);
        strand.emit("ParallelStateStarted");
        Cancellation group = strand.cancellation().child();
        AtomicReference<AslError> firstFailure = new AtomicReference<>();
        List<CompletableFuture<JsonNode>> branches = new ArrayList<>();
        for (StateGraph branch : parallel.branches()) {
            Strand branchStrand = strand.fork(group);
            branches.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return interpreter.run(branch, branchInput, branchStrand);
                } catch (AslError failure) {
                    if (firstFailure.compareAndSet(null, failure)) {
                        group.cancel("a sibling branch failed");
                    }
                    throw failure;
                }
            }, services.executor()));
        }
        Waits.awaitAny(strand.cancellation(), CompletableFuture.allOf(branches.toArray(CompletableFuture[]::new)));
        if (firstFailure.get() != null) {
            strand.emit("ParallelStateFailed");
            throw firstFailure.get();
        }
        ArrayNode outputs = Json.array();
        branches.forEach(branch -> outputs.add(branch.join()));
        strand.emit("ParallelStateSucceeded");
        JsonNode output = parallel.io().output(rawInput, parallel.io().selectResult(outputs, context), context);
        strand.emit("ParallelStateExited", "stateExitedEventDetails",
                EventDetails.stateExited(parallel.name(), output));
        return output;
    }
}

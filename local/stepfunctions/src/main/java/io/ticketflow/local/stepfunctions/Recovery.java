package io.ticketflow.local.stepfunctions;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import io.ticketflow.local.stepfunctions.asl.AslError;
import io.ticketflow.local.stepfunctions.asl.Catcher;
import io.ticketflow.local.stepfunctions.asl.ErrorHandling;
import io.ticketflow.local.stepfunctions.asl.Retrier;
import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Retry and Catch around the attempts of a Task, Parallel or Map state. Each retrier keeps its own count for the
 * whole visit of the state; only the first retrier whose ErrorEquals matches is considered; each retry counts as a
 * state transition (AWS bills it as one).
 */
final class Recovery {

    /** One attempt of the state; returns the state's output or throws its error. */
    @FunctionalInterface
    interface Attempt {
        JsonNode run(int retryCount);
    }

    private Recovery() {
    }

    static Transition run(String stateName, String stateType, String next, ErrorHandling handling,
                          JsonNode rawInput, Strand strand, TimeSource time, Attempt attempt) {
        int[] retriesByRetrier = new int[handling.retriers().size()];
        int retries = 0;
        while (true) {
            try {
                return new Transition(next, attempt.run(retries));
            } catch (AslError error) {
                int index = handling.retrierFor(error.error());
                if (index >= 0 && retriesByRetrier[index] < handling.retriers().get(index).maxAttempts()) {
                    Retrier retrier = handling.retriers().get(index);
                    Duration delay = retrier.delayBeforeRetry(retriesByRetrier[index], ThreadLocalRandom.current());
                    retriesByRetrier[index]++;
                    retries++;
                    strand.execution().countTransition();
                    sleep(strand, time, delay);
                    continue;
                }
                Optional<Catcher> catcher = handling.catcherFor(error.error());
                if (catcher.isEmpty()) {
                    throw error;
                }
                JsonNode output = catcher.get().resultPath() == null ? rawInput
                        : catcher.get().resultPath().writeInto(rawInput, errorOutput(error));
                strand.emit(stateType + "StateExited", "stateExitedEventDetails",
                        EventDetails.stateExited(stateName, output));
                return new Transition(catcher.get().next(), output);
            }
        }
    }

    /** The error output a catcher passes on: {@code {"Error": ..., "Cause": ...}}. */
    static ObjectNode errorOutput(AslError error) {
        ObjectNode output = Json.object();
        if (error.error() != null) {
            output.put("Error", error.error());
        }
        if (error.cause() != null) {
            output.put("Cause", error.cause());
        }
        return output;
    }

    private static void sleep(Strand strand, TimeSource time, Duration delay) {
        CompletableFuture<Void> timer = time.at(time.now().plus(delay));
        try {
            Waits.awaitAny(strand.cancellation(), timer);
        } finally {
            timer.cancel(false);
        }
    }
}

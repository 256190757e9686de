package io.ticketflow.local.stepfunctions;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.ticketflow.local.stepfunctions.asl.AslError;
import io.ticketflow.local.stepfunctions.asl.ErrorNames;
import io.ticketflow.local.stepfunctions.asl.State;
import io.ticketflow.local.stepfunctions.asl.Timestamps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Runs Wait states on the time source; a wait until a past timestamp ends at once. */
final class WaitRunner {

    private final TimeSource time;

    WaitRunner(TimeSource time) {
        this.time = time;
    }

    Transition run(State.Wait wait, JsonNode rawInput, Strand strand, Instant entered) {
        ObjectNode context = ContextObject.of(strand, wait.name(), entered, 0, null);
        JsonNode effective = wait.io().effectiveInput(rawInput, context);
        CompletableFuture<Void> timer = time.at(until(wait, effective, context, entered));
        try {
            Waits.awaitAny(strand.cancellation(), timer);
        } finally {
            timer.cancel(false);
        }
        JsonNode output = wait.io().outputOf(effective, context);
        strand.emit("WaitStateExited", "stateExitedEventDetails", EventDetails.stateExited(wait.name(), output));
        return new Transition(wait.next(), output);
    }

    private static Instant until(State.Wait wait, JsonNode effective, JsonNode context, Instant entered) {
        if (wait.seconds() != null) {
            return entered.plusSeconds(wait.seconds());
        }
        if (wait.timestamp() != null) {
            return wait.timestamp();
        }
        if (wait.secondsPath() != null) {
            JsonNode seconds = wait.secondsPath().read(effective, context).orElse(null);
            if (seconds == null || !seconds.isIntegralNumber() || seconds.longValue() < 0) {
                throw new AslError(ErrorNames.RUNTIME, "The SecondsPath '" + wait.secondsPath()
                        + "' must select a non-negative integer, got " + seconds);
            }
            return entered.plusSeconds(seconds.longValue());
        }
        JsonNode timestamp = wait.timestampPath().read(effective, context).orElse(null);
        return (timestamp != null && timestamp.isString() ? Timestamps.parse(timestamp.stringValue())
                : Optional.<Instant>empty()).orElseThrow(() -> new AslError(ErrorNames.RUNTIME,
                "The TimestampPath '" + wait.timestampPath() + "' must select an RFC 3339 timestamp, got "
                        + timestamp));
    }
}

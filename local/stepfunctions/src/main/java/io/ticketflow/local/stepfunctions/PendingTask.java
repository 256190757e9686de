package io.ticketflow.local.stepfunctions;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;

/** A {@code .waitForTaskToken} task waiting for SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat. */
final class PendingTask {

    /** What the token's holder reported; {@code output} is set on success only. */
    record Outcome(boolean succeeded, JsonNode output, String error, String cause) {
    }

    private final String token;
    private final Cancellation owner;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private Instant lastHeartbeat;
    private CompletableFuture<Void> nextHeartbeat = new CompletableFuture<>();
    private boolean closed;

    PendingTask(String token, Cancellation owner, Instant issued) {
        this.token = token;
        this.owner = owner;
        this.lastHeartbeat = issued;
    }

    String token() {
        return token;
    }

    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    /** @return false when an outcome was already reported */
    boolean report(Outcome reported) {
        return outcome.complete(reported);
    }

    synchronized void heartbeat(Instant at) {
        lastHeartbeat = at;
        CompletableFuture<Void> beat = nextHeartbeat;
        nextHeartbeat = new CompletableFuture<>();
        beat.complete(null);
    }

    synchronized Instant lastHeartbeat() {
        return lastHeartbeat;
    }

    /** Completes at the next heartbeat. */
    synchronized CompletableFuture<Void> nextHeartbeat() {
        return nextHeartbeat;
    }

    synchronized void close() {
        closed = true;
    }

    /** Closed, or its execution (branch, iteration) was stopped and will close it any moment. */
    synchronized boolean isClosed() {
        return closed || owner.isCancelled();
    }
}

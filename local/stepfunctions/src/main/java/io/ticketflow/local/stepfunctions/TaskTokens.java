package io.ticketflow.local.stepfunctions;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The task tokens issued to {@code .waitForTaskToken} tasks. Closed tokens are remembered, so that a late
 * SendTask* gets TaskTimedOut like on AWS rather than TaskDoesNotExist.
 */
final class TaskTokens {

    private static final int TOKEN_BYTES = 48;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{64}");

    private final Map<String, PendingTask> tasks = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param owner the cancellation of the strand that waits for the token */
    PendingTask issue(Cancellation owner, Instant now) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        PendingTask task = new PendingTask(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), owner, now);
        tasks.put(task.token(), task);
        return task;
    }

    void succeed(String token, JsonNode output) {
        report(token, new PendingTask.Outcome(true, output, null, null));
    }

    void fail(String token, String error, String cause) {
        report(token, new PendingTask.Outcome(false, null, error, cause));
    }

    void heartbeat(String token, Instant now) {
        open(token).heartbeat(now);
    }

    void close(PendingTask task) {
        task.close();
    }

    private void report(String token, PendingTask.Outcome outcome) {
        if (!open(token).report(outcome)) {
            throw timedOut();
        }
    }

    private PendingTask open(String token) {
        if (token == null || !WELL_FORMED.matcher(token).matches()) {
            throw new StepFunctionsException("InvalidToken", "Invalid Token: '" + token + "'");
        }
        PendingTask task = tasks.get(token);
        if (task == null) {
            throw new StepFunctionsException("TaskDoesNotExist", "Task does not exist: no task was given this token");
        }
        if (task.isClosed()) {
            throw timedOut();
        }
        return task;
    }

    private static StepFunctionsException timedOut() {
        return new StepFunctionsException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
    }
}

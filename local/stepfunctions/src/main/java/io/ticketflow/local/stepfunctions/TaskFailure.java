package io.ticketflow.local.stepfunctions;

import java.util.Arrays;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A failed Lambda invocation, as Step Functions sees it: an error name (what {@code ErrorEquals} matches) and a
 * cause. On AWS the error name is the {@code errorType} of the Lambda error response, which the Java runtime
 * sets to the fully qualified class name of the thrown exception; the cause is the error response JSON.
 */
public class TaskFailure extends Exception {

    private static final int STACK_FRAMES = 20;

    private final String error;
    private final String failureCause;

    public TaskFailure(String error, String cause) {
        super(error + ": " + cause);
        this.error = error;
        this.failureCause = cause;
    }

    /** Like the AWS Java runtime: error = fully qualified exception class, cause = the error response JSON. */
    public static TaskFailure of(Throwable thrown) {
        ObjectNode response = Json.object()
                .put("errorMessage", thrown.getMessage())
                .put("errorType", thrown.getClass().getName());
        response.putArray("stackTrace").addAll(Arrays.stream(thrown.getStackTrace()).limit(STACK_FRAMES)
                .map(frame -> Json.text(frame.toString())).toList());
        TaskFailure failure = new TaskFailure(thrown.getClass().getName(), Json.write(response));
        failure.initCause(thrown);
        return failure;
    }

    /** From a Lambda error response ({@code {"errorType": ..., "errorMessage": ...}}), as AWS reports it. */
    public static TaskFailure fromErrorResponse(JsonNode response) {
        String type = response.path("errorType").asString(null);
        return new TaskFailure(type == null ? "Lambda.Unknown" : type, Json.write(response));
    }

    /** The error name Retry and Catch match, e.g. {@code com.example.SeatUnavailable} or {@code Lambda.Unknown}. */
    public String error() {
        return error;
    }

    /** The human-readable cause (named so as not to clash with {@link Throwable#getCause()}). */
    public String cause() {
        return failureCause;
    }
}

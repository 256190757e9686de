package io.ticketflow.local.stepfunctions.asl;

/**
 * An error in the sense of the States Language: a name that Retry and Catch match on, and a cause. Raised by
 * tasks, Fail states and the data-flow steps (paths, templates, intrinsic functions).
 */
public class AslError extends RuntimeException {

    private final String error;
    private final String cause;

    public AslError(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}

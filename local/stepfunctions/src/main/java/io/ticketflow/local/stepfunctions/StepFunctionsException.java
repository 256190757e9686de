package io.ticketflow.local.stepfunctions;

/**
 * A refused API call, named by its AWS error code ({@code ExecutionDoesNotExist}, {@code InvalidToken},
 * {@code TaskTimedOut}, ...). The HTTP endpoint sends the code as {@code __type}, so the SDK raises the matching
 * typed exception.
 */
public final class StepFunctionsException extends RuntimeException {

    private final String errorCode;

    public StepFunctionsException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    @Override
    public String toString() {
        return errorCode + ": " + getMessage();
    }
}

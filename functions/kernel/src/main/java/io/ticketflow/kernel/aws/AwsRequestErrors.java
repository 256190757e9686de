package io.ticketflow.kernel.aws;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * AWS refusing a value the client sent: a name Step Functions cannot take for an execution, a DynamoDB key
 * longer than a key may be, and the like. What the request caused is the client's error, so it is answered
 * as {@code invalid-request} (400) instead of an internal error; the service's message, which names our
 * resources, stays in the log. Throttling, access and every other failure remain internal errors.
 */
public final class AwsRequestErrors {

    private AwsRequestErrors() {
    }

    /** The problem a request's value caused, if {@code error} is AWS rejecting a value as invalid. */
    public static Optional<ProblemException> problemOf(RuntimeException error) {
        if (!(error instanceof AwsServiceException service) || service.statusCode() != 400
                || service.isThrottlingException() || service.awsErrorDetails() == null) {
            return Optional.empty();
        }
        String code = service.awsErrorDetails().errorCode();
        if (code == null || !(code.startsWith("Invalid") || code.endsWith("ValidationException"))) {
            return Optional.empty();
        }
        return Optional.of(new ProblemException(ProblemTypes.INVALID_REQUEST,
                "a value of the request is not valid here (" + code + ")"));
    }
}

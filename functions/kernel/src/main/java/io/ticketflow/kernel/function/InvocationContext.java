package io.ticketflow.kernel.function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda {@link Context} of one invocation outside Lambda (the local runtime, benchmarks): its request id,
 * function name and deadline, as {@code FunctionInvoker} and the functions may ask for them.
 */
public record InvocationContext(String awsRequestId, String functionName, int timeoutSeconds, long startedAtMillis)
        implements Context {

    /** A new invocation of {@code functionName} with a fresh request id, starting now. */
    public static InvocationContext of(String functionName, int timeoutSeconds) {
        return new InvocationContext(java.util.UUID.randomUUID().toString(), functionName, timeoutSeconds,
                System.currentTimeMillis());
    }

    private static final LambdaLogger STDOUT = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
            System.out.print(new String(message, StandardCharsets.UTF_8));
        }
    };

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long elapsed = System.currentTimeMillis() - startedAtMillis;
        return (int) Math.max(0, timeoutSeconds * 1000L - elapsed);
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return STDOUT;
    }
}

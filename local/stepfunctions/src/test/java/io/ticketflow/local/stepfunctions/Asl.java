package io.ticketflow.local.stepfunctions;

/** Resource ARNs and small ASL documents for tests. */
final class Asl {

    static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";
    static final String INVOKE = "arn:aws:states:::lambda:invoke";
    static final String INVOKE_WAIT = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    private Asl() {
    }

    /** A machine whose only state, {@code S}, has this body. */
    static String single(String stateBody) {
        return "{\"StartAt\": \"S\", \"States\": {\"S\": " + stateBody + "}}";
    }
}

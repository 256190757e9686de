package io.ticketflow.local.stepfunctions;

import java.util.regex.Pattern;

/** ARNs and names of state machines and executions, with the checks AWS applies to them. */
final class Arns {

    private static final Pattern STATE_MACHINE = Pattern.compile("arn:aws:states:[^:]+:\\d{12}:stateMachine:[^:]+");
    private static final Pattern EXECUTION = Pattern.compile("arn:aws:states:[^:]+:\\d{12}:execution:[^:]+:[^:]+");
    private static final Pattern INVALID_NAME_CHARACTER =
            Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");
    private static final int MAX_NAME_LENGTH = 80;

    private final String region;
    private final String accountId;

    Arns(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    String stateMachine(String name) {
        return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
    }

    String execution(String stateMachineName, String executionName) {
        return "arn:aws:states:" + region + ":" + accountId + ":execution:" + stateMachineName + ":" + executionName;
    }

    static void checkStateMachineArn(String arn) {
        check(arn, STATE_MACHINE, "state machine");
    }

    static void checkExecutionArn(String arn) {
        check(arn, EXECUTION, "execution");
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH
                || INVALID_NAME_CHARACTER.matcher(name).find()) {
            throw new StepFunctionsException("InvalidName", "Invalid Name: '" + name + "' (1 to " + MAX_NAME_LENGTH
                    + " characters, no whitespace, brackets, wildcards or special characters)");
        }
    }

    private static void check(String arn, Pattern pattern, String kind) {
        if (arn == null || !pattern.matcher(arn).matches()) {
            throw new StepFunctionsException("InvalidArn", "Invalid Arn: '" + arn + "' is not a " + kind + " ARN");
        }
    }
}

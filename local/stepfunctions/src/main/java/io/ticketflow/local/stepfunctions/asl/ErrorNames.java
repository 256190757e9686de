package io.ticketflow.local.stepfunctions.asl;

import java.util.List;

/** The predefined {@code States.*} error names and how a Retry or Catch {@code ErrorEquals} list matches them. */
public final class ErrorNames {

    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String PERMISSIONS = "States.Permissions";

    private ErrorNames() {
    }

    /**
     * AWS semantics: {@code States.Runtime} is never retried or caught; {@code States.ALL} matches every other
     * error; {@code States.TaskFailed} every error but the timeouts; {@code States.Timeout} also matches a
     * heartbeat timeout (the AWS guide names both for it).
     */
    public static boolean matches(List<String> errorEquals, String error) {
        if (RUNTIME.equals(error)) {
            return false;
        }
        boolean timeout = TIMEOUT.equals(error) || HEARTBEAT_TIMEOUT.equals(error);
        for (String name : errorEquals) {
            if (name.equals(error)
                    || ALL.equals(name)
                    || TASK_FAILED.equals(name) && !timeout
                    || TIMEOUT.equals(name) && timeout) {
                return true;
            }
        }
        return false;
    }
}

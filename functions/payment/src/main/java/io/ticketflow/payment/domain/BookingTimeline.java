package io.ticketflow.payment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds an execution history into the steps a user sees: every state entered, in order. A step is FAILED when
 * its last attempt failed or timed out (a failure caught by a {@code Catch} still exits the state, so the exit
 * alone does not mean success; a retried attempt that then succeeds does), FAILED too when it is a Fail state,
 * SUCCEEDED when it was exited after a good attempt, RUNNING until then.
 */
public final class BookingTimeline {

    private BookingTimeline() {
    }

    public static List<BookingStep> steps(List<ExecutionEvent> history) {
        List<BookingStep> steps = new ArrayList<>();
        boolean lastAttemptFailed = false;
        for (ExecutionEvent event : history) {
            String type = event.type();
            if (type.endsWith("StateEntered")) {
                lastAttemptFailed = false;
                StepStatus status = switch (type) {
                    case "FailStateEntered" -> StepStatus.FAILED;
                    case "SucceedStateEntered" -> StepStatus.SUCCEEDED;
                    default -> StepStatus.RUNNING;
                };
                steps.add(new BookingStep(event.stateName(), status, event.at()));
            } else if (isAttemptFailure(type)) {
                lastAttemptFailed = true;
                setLast(steps, StepStatus.FAILED);
            } else if (type.equals("TaskSucceeded") || type.equals("LambdaFunctionSucceeded")) {
                lastAttemptFailed = false;
                setLast(steps, StepStatus.RUNNING);
            } else if (type.endsWith("StateExited") && !lastAttemptFailed && !steps.isEmpty()
                    && steps.get(steps.size() - 1).status() == StepStatus.RUNNING) {
                setLast(steps, StepStatus.SUCCEEDED);
            }
        }
        return List.copyOf(steps);
    }

    private static boolean isAttemptFailure(String type) {
        return type.equals("TaskFailed") || type.equals("TaskTimedOut")
                || type.equals("LambdaFunctionFailed") || type.equals("LambdaFunctionTimedOut");
    }

    private static void setLast(List<BookingStep> steps, StepStatus status) {
        if (!steps.isEmpty()) {
            BookingStep current = steps.get(steps.size() - 1);
            steps.set(steps.size() - 1, new BookingStep(current.name(), status, current.at()));
        }
    }
}

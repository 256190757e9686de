package io.ticketflow.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookingTimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");

    private final List<ExecutionEvent> history = new ArrayList<>();

    @Test
    void happyPath_everyStateExited_allSucceeded_inOrder_withEntryTimes() {
        task("AwaitPayment", "TaskSucceeded");
        task("AuthorisePayment", "TaskSucceeded");
        add("SucceedStateEntered", "BookingConfirmed");

        List<BookingStep> steps = BookingTimeline.steps(history);

        assertThat(steps).extracting(BookingStep::name, BookingStep::status).containsExactly(
                tuple("AwaitPayment", StepStatus.SUCCEEDED),
                tuple("AuthorisePayment", StepStatus.SUCCEEDED),
                tuple("BookingConfirmed", StepStatus.SUCCEEDED));
        assertThat(steps.get(0).at()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void failureCaughtByCatch_exitsTheState_butTheStepStaysFailed_andTheFailStateIsFailed() {
        task("DeductPoints", "TaskFailed");
        task("CancelPayment", "TaskSucceeded");
        add("FailStateEntered", "InsufficientPoints");

        assertThat(BookingTimeline.steps(history)).extracting(BookingStep::name, BookingStep::status).containsExactly(
                tuple("DeductPoints", StepStatus.FAILED),
                tuple("CancelPayment", StepStatus.SUCCEEDED),
                tuple("InsufficientPoints", StepStatus.FAILED));
    }

    @Test
    void failedAttemptRetriedWithSuccess_isSucceeded() {
        add("TaskStateEntered", "ConfirmReservation");
        add("TaskFailed", null);
        add("TaskSucceeded", null);
        add("TaskStateExited", "ConfirmReservation");

        assertThat(BookingTimeline.steps(history)).extracting(BookingStep::status).containsExactly(StepStatus.SUCCEEDED);
    }

    @Test
    void stateEnteredButNotExited_isRunning_andTimedOutWaitIsFailed() {
        add("TaskStateEntered", "AwaitPayment");
        List<BookingStep> waiting = BookingTimeline.steps(history);
        add("TaskTimedOut", null);
        add("TaskStateExited", "AwaitPayment");

        assertThat(waiting).extracting(BookingStep::status).containsExactly(StepStatus.RUNNING);
        assertThat(BookingTimeline.steps(history)).extracting(BookingStep::status).containsExactly(StepStatus.FAILED);
    }

    @Test
    void emptyHistory_hasNoSteps_andExecutionEventsAreNotSteps() {
        assertThat(BookingTimeline.steps(history)).isEmpty();
        add("ExecutionStarted", null);
        add("ExecutionSucceeded", null);
        assertThat(BookingTimeline.steps(history)).isEmpty();
    }

    private void task(String state, String outcome) {
        add("TaskStateEntered", state);
        add("TaskScheduled", null);
        add(outcome, null);
        add("TaskStateExited", state);
    }

    private void add(String type, String state) {
        history.add(new ExecutionEvent(type, state, T0.plusSeconds(history.size() + 1)));
    }
}

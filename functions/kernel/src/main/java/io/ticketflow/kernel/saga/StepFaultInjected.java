package io.ticketflow.kernel.saga;

/**
 * A failure injected on purpose (tests and demos, only where {@code TICKETFLOW_FAULT_INJECTION=enabled}).
 * Not retried: it follows the same {@code Catch} as a business failure of that step.
 */
public final class StepFaultInjected extends SagaStepError {

    public StepFaultInjected(String functionName) {
        super("fault injected at " + functionName);
    }
}

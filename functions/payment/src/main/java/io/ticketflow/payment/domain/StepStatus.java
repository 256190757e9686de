package io.ticketflow.payment.domain;

/** Where one state of the booking saga stands. */
public enum StepStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}

package io.ticketflow.payment.domain;

import java.time.Instant;

/** One state the saga entered, e.g. {@code DeductPoints}, and how it went; {@code at} = when it was entered. */
public record BookingStep(String name, StepStatus status, Instant at) {
}

package io.ticketflow.payment.domain;

import java.time.Instant;

/**
 * One event of the saga's execution history, free of the SDK's types.
 *
 * @param type      the Step Functions history event type, e.g. {@code TaskStateEntered}, {@code TaskFailed}
 * @param stateName the state entered or exited; null for events that name none (failures, execution events)
 */
public record ExecutionEvent(String type, String stateName, Instant at) {
}

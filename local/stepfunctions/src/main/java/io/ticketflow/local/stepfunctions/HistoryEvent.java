package io.ticketflow.local.stepfunctions;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One event of an execution history, in the AWS shape: {@code type} such as {@code TaskStateEntered}, ids
 * counting from 1, and the details under {@code detailsName} (e.g. {@code taskScheduledEventDetails}); both are
 * null for events that carry no details.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String detailsName,
                           JsonNode details) {
}

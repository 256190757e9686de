package io.ticketflow.reservation.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * A booking whose saga compensation still failed after its retries: what an operator needs to finish it by hand.
 *
 * @param failure the error that ended the saga
 * @param stuck   the compensation that could not be completed
 * @param booking the saga execution's input
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StuckBooking(String reservationId, String executionArn, JsonNode failure, JsonNode stuck, JsonNode booking) {
}

package io.ticketflow.reservation.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the schedule sends to the sweeper; it carries nothing the sweep needs, and unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SweepTick() {
}

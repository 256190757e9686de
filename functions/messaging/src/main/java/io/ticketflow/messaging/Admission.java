package io.ticketflow.messaging;

import java.time.Instant;

/**
 * Whether a queue token admits its caller to a concert now.
 *
 * @param activeUntil end of the admission window when known (set for ACTIVE and for EXPIRED by time), else null
 */
public record Admission(Status status, Instant activeUntil) {

    public enum Status { ACTIVE, UNKNOWN_TOKEN, NOT_ACTIVE, EXPIRED, OTHER_USER, OTHER_CONCERT }

    public boolean admitted() {
        return status == Status.ACTIVE;
    }
}

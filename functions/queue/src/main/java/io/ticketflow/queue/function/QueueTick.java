package io.ticketflow.queue.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the schedule sends to the activation and expiry functions.
 *
 * @param concertId only this concert's queue; null (the scheduled case) for every open queue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QueueTick(String concertId) {

    public static QueueTick allQueues() {
        return new QueueTick(null);
    }
}

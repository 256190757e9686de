package io.ticketflow.concert.adapter;

import io.ticketflow.concert.domain.Concert;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.messaging.EventFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/** CONCERT_PUBLISHED, the Concert service's one event: the concert exactly as published is its payload. */
public final class ConcertEvents {

    static final String SOURCE = "concert";
    /** A concert is published once: its event is the first and only one of the aggregate. */
    static final long PUBLISHED_SEQUENCE = 1;
    /** SQS's limit for one message: the relay sends the event whole to Queue and Reservation. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private final JsonMapper json;
    private final EventFactory events;

    public ConcertEvents(JsonMapper json, Clock clock) {
        this.json = json;
        this.events = new EventFactory(SOURCE, json, clock);
    }

    /**
     * @throws ProblemException {@code invalid-request} when the event would not fit one SQS message. Concert's
     *                          bounds keep ordinary text well inside; names of many escaped or multi-byte characters
     *                          can still pass them, and a relay that cannot send the event would stall the outbox.
     */
    public EventEnvelope published(Concert concert) {
        EventEnvelope event = events.envelope(EventTypes.CONCERT_PUBLISHED, concert.concertId(), PUBLISHED_SEQUENCE,
                "publish-" + concert.concertId(), events.payloadOf(concert));
        int bytes = json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_MESSAGE_BYTES) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "concert " + concert.concertId() + " is " + bytes
                    + " bytes as CONCERT_PUBLISHED, more than the " + MAX_MESSAGE_BYTES + " of one SQS message: use fewer or shorter sections");
        }
        return event;
    }

    /** @throws IllegalArgumentException when the event is not a CONCERT_PUBLISHED */
    public Concert concertOf(EventEnvelope event) {
        if (!EventTypes.CONCERT_PUBLISHED.equals(event.type())) {
            throw new IllegalArgumentException("not a " + EventTypes.CONCERT_PUBLISHED + ": " + event.type());
        }
        return json.treeToValue(event.payload(), Concert.class);
    }
}

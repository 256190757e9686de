package io.ticketflow.concert.adapter;

import io.ticketflow.concert.domain.Concert;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.messaging.EventFactory;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/** CONCERT_PUBLISHED, the Concert service's one event: the concert exactly as published is its payload. */
public final class ConcertEvents {

    static final String SOURCE = "concert";
    /** A concert is published once: its event is the first and only one of the aggregate. */
    static final long PUBLISHED_SEQUENCE = 1;

    private final JsonMapper json;
    private final EventFactory events;

    public ConcertEvents(JsonMapper json, Clock clock) {
        this.json = json;
        this.events = new EventFactory(SOURCE, json, clock);
    }

    public EventEnvelope published(Concert concert) {
        return events.envelope(EventTypes.CONCERT_PUBLISHED, concert.concertId(), PUBLISHED_SEQUENCE,
                "publish-" + concert.concertId(), events.payloadOf(concert));
    }

    /** @throws IllegalArgumentException when the event is not a CONCERT_PUBLISHED */
    public Concert concertOf(EventEnvelope event) {
        if (!EventTypes.CONCERT_PUBLISHED.equals(event.type())) {
            throw new IllegalArgumentException("not a " + EventTypes.CONCERT_PUBLISHED + ": " + event.type());
        }
        return json.treeToValue(event.payload(), Concert.class);
    }
}

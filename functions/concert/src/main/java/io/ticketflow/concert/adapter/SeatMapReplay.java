package io.ticketflow.concert.adapter;

import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.ReservationChange;
import io.ticketflow.concert.domain.SeatMap;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.messaging.EventConsumer;
import io.ticketflow.messaging.EventStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Rebuilds the seat maps from the event stores: every CONCERT_PUBLISHED in {@code concert-events} gives the
 * all-free maps, then every reservation event in {@code reservation-events} is applied with the same projection
 * as the live {@link SeatMapProjector} ({@link ReservationEvents} + {@link SeatMap#apply}).
 *
 * <p>An operator tool, not a request path: it scans both outboxes whole. Reading the Reservation service's outbox
 * is the one exception to "a service never reads another's table", allowed because the outbox is that service's
 * published event store, the same events its relay sends us. Run {@link #rebuildAndStore()} with the projector's
 * queue paused: a live event applied between the scan and the write would be overwritten (and the
 * per-reservation sequences stored with the map would then skip its redelivery).
 *
 * <p>The rebuilt applied sequences are every reservation's; the live ones lose theirs to the table's TTL some
 * time after {@link EventConsumer#INBOX_RETENTION}, which then shows as a difference in the comparison only.
 */
public final class SeatMapReplay {

    /** The order events happened in; sequence breaks ties within a reservation. */
    static final Comparator<ReservationChange> HISTORY_ORDER = Comparator.comparing(ReservationChange::occurredAt)
            .thenComparing(ReservationChange::reservationId)
            .thenComparingLong(ReservationChange::sequence);

    private final EventStore concertEvents;
    private final EventStore reservationEvents;
    private final ConcertEvents concerts;
    private final DynamoDbSeatMapStore seatMaps;
    private final Clock clock;

    public SeatMapReplay(EventStore concertEvents, EventStore reservationEvents, ConcertEvents concerts,
                         DynamoDbSeatMapStore seatMaps, Clock clock) {
        this.concertEvents = concertEvents;
        this.reservationEvents = reservationEvents;
        this.concerts = concerts;
        this.seatMaps = seatMaps;
        this.clock = clock;
    }

    /** @return scheduleId → seat map rebuilt from the events, without writing anything */
    public SortedMap<String, SeatMap> rebuild() {
        SortedMap<String, SeatMap> rebuilt = new TreeMap<>();
        try (var published = concertEvents.all()) {
            published.filter(event -> EventTypes.CONCERT_PUBLISHED.equals(event.type()))
                    .map(concerts::concertOf)
                    .forEach(concert -> addPublished(rebuilt, concert));
        }
        try (var history = reservationEvents.all()) {
            history.map(ReservationEvents::change)
                    .flatMap(Optional::stream)
                    .sorted(HISTORY_ORDER)
                    .forEach(change -> rebuilt.computeIfPresent(change.scheduleId(), (id, seatMap) -> seatMap.apply(change)));
        }
        return rebuilt;
    }

    /**
     * Rebuilds and overwrites each stored seat map (each block that differs as the next version of what is stored).
     *
     * @return the maps as stored
     */
    public SortedMap<String, SeatMap> rebuildAndStore() {
        return store(rebuild());
    }

    /** Overwrites each stored seat map with the rebuilt one; @return the maps as stored */
    public SortedMap<String, SeatMap> store(SortedMap<String, SeatMap> rebuiltMaps) {
        for (Map.Entry<String, SeatMap> entry : rebuiltMaps.entrySet()) {
            if (!seatMaps.store(entry.getValue(), clock.instant().plus(EventConsumer.INBOX_RETENTION))) {
                throw new IllegalStateException("seat map " + entry.getKey() + " changed during the replay: pause the projector and run it again");
            }
        }
        return new TreeMap<>(rebuiltMaps);
    }

    private static void addPublished(Map<String, SeatMap> rebuilt, Concert concert) {
        concert.schedules().forEach(schedule -> rebuilt.put(schedule.scheduleId(), SeatMap.published(concert.concertId(), schedule)));
    }
}

package io.ticketflow.concert.adapter;

import io.ticketflow.concert.domain.ReservationChange;
import io.ticketflow.concert.domain.SeatMap;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.messaging.EventHandler;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Projects reservation events onto the seat maps, behind the messaging {@code EventConsumer} (which de-duplicates
 * on eventId and writes the inbox record with the seat map in one transaction). Reads the schedule's seat map,
 * lets the domain apply the change ({@link SeatMap#apply}: stale and duplicate events change nothing) and writes
 * it back under a version condition; a concurrent projector makes that condition fail and the consumer recomputes.
 */
public final class SeatMapProjector implements EventHandler {

    private final DynamoDbSeatMapStore seatMaps;

    public SeatMapProjector(DynamoDbSeatMapStore seatMaps) {
        this.seatMaps = seatMaps;
    }

    @Override
    public List<TransactWriteItem> effects(EventEnvelope event) {
        Optional<ReservationChange> change = ReservationEvents.change(event);
        if (change.isEmpty()) {
            return List.of();
        }
        String scheduleId = change.get().scheduleId();
        // the seat map is written with the concert, before any hold can exist: missing means not yet visible, retry
        SeatMap current = seatMaps.findLatest(scheduleId).orElseThrow(() ->
                new IllegalStateException("no seat map for schedule " + scheduleId + " (event " + event.eventId() + ")"));
        SeatMap next = current.apply(change.get());
        return next == current ? List.of() : List.of(seatMaps.replace(current, next));
    }

    @Override
    public boolean retriesOnConflict() {
        return true;
    }
}

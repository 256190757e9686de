package io.ticketflow.concert.adapter;

import io.ticketflow.concert.domain.BlockChange;
import io.ticketflow.concert.domain.ReservationChange;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.messaging.EventConsumer;
import io.ticketflow.messaging.EventHandler;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Projects reservation events onto the seat maps, behind the messaging {@code EventConsumer} (which de-duplicates
 * on eventId and writes the inbox record with the projection's writes in one transaction). Reads the reservation's
 * last applied sequence and the blocks of the event's seats, lets the domain decide ({@link BlockChange#project}:
 * stale and duplicate events change nothing) and writes the changed blocks back under their version conditions;
 * a concurrent projector makes a condition fail and the consumer recomputes.
 */
public final class SeatMapProjector implements EventHandler {

    private final DynamoDbSeatMapStore seatMaps;
    private final Clock clock;

    public SeatMapProjector(DynamoDbSeatMapStore seatMaps, Clock clock) {
        this.seatMaps = seatMaps;
        this.clock = clock;
    }

    @Override
    public List<TransactWriteItem> effects(EventEnvelope event) {
        Optional<ReservationChange> change = ReservationEvents.change(event);
        if (change.isEmpty()) {
            return List.of();
        }
        // the applied sequence must outlive every redelivery of the reservation's events, as the inbox record does
        return BlockChange.project(change.get(), seatMaps)
                .map(projected -> seatMaps.writes(change.get().scheduleId(), projected,
                        clock.instant().plus(EventConsumer.INBOX_RETENTION)))
                .orElse(List.of());
    }

    @Override
    public boolean retriesOnConflict() {
        return true;
    }
}

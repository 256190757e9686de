package io.ticketflow.messaging;

import io.ticketflow.catalog.BusinessMetric;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which business fact an event is, read once where every event passes (the outbox relay), so no function counts
 * its own facts and a fact is counted once however many queues the event goes to.
 */
final class EventMetrics {

    /** The reasons of a reservation the booking saga cancelled to undo it (RESERVATION_CANCELLED's schema). */
    private static final Set<String> COMPENSATED = Set.of("PAYMENT_FAILED", "INSUFFICIENT_POINTS", "CONFIRMATION_FAILED",
            "CAPTURE_FAILED");

    private EventMetrics() {
    }

    static Optional<BusinessMetric> of(EventEnvelope event) {
        return Optional.ofNullable(switch (event.type()) {
            case EventTypes.QUEUE_WAITING -> BusinessMetric.ENTERS;
            case EventTypes.QUEUE_ACTIVATED -> BusinessMetric.ACTIVATIONS;
            case EventTypes.RESERVATION_CREATED -> BusinessMetric.HOLDS;
            case EventTypes.RESERVATION_CONFIRMED -> BusinessMetric.CONFIRMATIONS;
            case EventTypes.POINT_REFUNDED -> BusinessMetric.REFUNDS;
            case EventTypes.RESERVATION_CANCELLED ->
                    COMPENSATED.contains(event.payload().path("reason").asString("")) ? BusinessMetric.COMPENSATIONS : null;
            default -> null;
        });
    }

    /** How many of {@code events} are each fact. */
    static Map<BusinessMetric, Long> count(Collection<EventEnvelope> events) {
        Map<BusinessMetric, Long> counts = new EnumMap<>(BusinessMetric.class);
        events.forEach(event -> of(event).ifPresent(metric -> counts.merge(metric, 1L, Long::sum)));
        return counts;
    }
}

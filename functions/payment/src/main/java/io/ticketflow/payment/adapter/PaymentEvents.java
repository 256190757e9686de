package io.ticketflow.payment.adapter;

import io.ticketflow.catalog.Service;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.messaging.EventFactory;
import io.ticketflow.payment.domain.Payment;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events of a payment's life (schemas {@code events/schemas/PAYMENT_*.schema.json}). The payment is the
 * aggregate and its version the sequence, so the outbox refuses a second event for the same change; the
 * reservation id is the correlation id, the saga's execution name.
 */
final class PaymentEvents {

    private final EventFactory events;

    PaymentEvents(JsonMapper json, Clock clock) {
        this.events = new EventFactory(Service.PAYMENT.id(), json, clock);
    }

    /** The event of the payment's current status: the change that made this version. */
    EventEnvelope of(Payment payment) {
        return switch (payment.status()) {
            case AUTHORISED -> envelope(EventTypes.PAYMENT_AUTHORISED, payment, payload(payment));
            case CAPTURED -> envelope(EventTypes.PAYMENT_CAPTURED, payment, payload(payment));
            case CANCELLED -> envelope(EventTypes.PAYMENT_CANCELLED, payment,
                    payload(payment).put("reason", payment.reason()));
            case REFUNDED -> envelope(EventTypes.PAYMENT_REFUNDED, payment,
                    payload(payment).put("reason", payment.reason()));
        };
    }

    private EventEnvelope envelope(String type, Payment payment, ObjectNode payload) {
        return events.envelope(type, payment.paymentId(), payment.version(), payment.reservationId(), payload);
    }

    private ObjectNode payload(Payment payment) {
        return events.payload()
                .put("paymentId", payment.paymentId())
                .put("reservationId", payment.reservationId())
                .put("userId", payment.userId())
                .put("amount", payment.amount())
                .put("pointsAmount", payment.pointsAmount())
                .put("cardAmount", payment.cardAmount());
    }
}

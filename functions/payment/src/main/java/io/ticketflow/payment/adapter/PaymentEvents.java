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

    EventEnvelope processed(Payment payment) {
        return envelope(EventTypes.PAYMENT_PROCESSED, payment, payload(payment));
    }

    EventEnvelope cancelled(Payment payment) {
        return envelope(EventTypes.PAYMENT_CANCELLED, payment, payload(payment).put("reason", payment.reason()));
    }

    private EventEnvelope envelope(String type, Payment payment, ObjectNode payload) {
        return events.envelope(type, payment.paymentId(), payment.version(), payment.reservationId(), payload);
    }

    private ObjectNode payload(Payment payment) {
        return events.payload()
                .put("paymentId", payment.paymentId())
                .put("reservationId", payment.reservationId())
                .put("userId", payment.userId())
                .put("amount", payment.amount());
    }
}

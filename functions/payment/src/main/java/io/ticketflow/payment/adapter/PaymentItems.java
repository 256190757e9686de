package io.ticketflow.payment.adapter;

import io.ticketflow.payment.domain.BookingStatus;
import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.payment.domain.CardPart;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.payment.domain.PaymentIntent;
import io.ticketflow.payment.domain.PaymentRequest;
import io.ticketflow.payment.domain.PaymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How intents, payments and requests are laid out as DynamoDB items. */
final class PaymentItems {

    static final String RESERVATION_ID = "reservationId";
    static final String PAYMENT_ID = "paymentId";
    static final String REQUEST_KEY = "requestKey";
    static final String USER_ID = "userId";
    static final String CONCERT_ID = "concertId";
    static final String AMOUNT = "amount";
    static final String QUEUE_TOKEN = "queueToken";
    static final String TASK_TOKEN = "taskToken";
    /** Epoch milliseconds; compared by the code, never left to TTL deletion. */
    static final String EXPIRES_AT = "expiresAt";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String PROCESSED_AT = "processedAt";
    static final String CANCELLED_AT = "cancelledAt";
    static final String REASON = "reason";
    static final String POINTS_AMOUNT = "pointsAmount";
    static final String CARD_AMOUNT = "cardAmount";
    static final String PAYMENT_METHOD = "paymentMethod";
    static final String AUTHORISATION_REF = "authorisationRef";
    static final String CAPTURE_REF = "captureRef";
    static final String VOID_REF = "voidRef";
    static final String REFUND_REF = "refundRef";
    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String REQUEST_ID = "requestId";
    static final String FAULT_AT = "faultAt";
    static final String CREATED_AT = "createdAt";
    static final String OUTCOME = "outcome";
    static final String ERROR = "error";
    static final String PURGE_AT = PaymentResources.PURGE_AT_ATTRIBUTE;
    /** The booking saga times out after a day (booking-saga.asl.json, TimeoutSeconds 86400). */
    static final Duration LONGEST_SAGA = Duration.ofDays(1);
    /**
     * How long after the moment it starts from an intent or a request is kept: a saga that started before it is
     * over after {@link #LONGEST_SAGA} at the latest, and a week more leaves room to look into a stuck booking.
     */
    static final Duration RETENTION = LONGEST_SAGA.plus(Duration.ofDays(7));

    private PaymentItems() {
    }

    static Map<String, AttributeValue> intentItem(PaymentIntent intent) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(RESERVATION_ID, s(intent.reservationId()));
        item.put(USER_ID, s(intent.userId()));
        item.put(CONCERT_ID, s(intent.concertId()));
        item.put(AMOUNT, n(intent.amount()));
        item.put(TASK_TOKEN, s(intent.taskToken()));
        item.put(EXPIRES_AT, n(intent.expiresAt().toEpochMilli()));
        // the hold ends after its saga started, so the saga is over a day after the hold's end at the latest
        item.put(PURGE_AT, n(intent.expiresAt().plus(RETENTION).getEpochSecond()));
        if (intent.queueToken() != null) {
            item.put(QUEUE_TOKEN, s(intent.queueToken()));
        }
        return item;
    }

    static PaymentIntent intent(Map<String, AttributeValue> item) {
        return new PaymentIntent(item.get(RESERVATION_ID).s(), item.get(USER_ID).s(), item.get(CONCERT_ID).s(),
                Long.parseLong(item.get(AMOUNT).n()), optional(item, QUEUE_TOKEN), item.get(TASK_TOKEN).s(),
                Instant.ofEpochMilli(Long.parseLong(item.get(EXPIRES_AT).n())));
    }

    static Map<String, AttributeValue> paymentItem(Payment payment) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PAYMENT_ID, s(payment.paymentId()));
        item.put(RESERVATION_ID, s(payment.reservationId()));
        item.put(USER_ID, s(payment.userId()));
        item.put(AMOUNT, n(payment.amount()));
        item.put(POINTS_AMOUNT, n(payment.pointsAmount()));
        item.put(STATUS, s(payment.status().name()));
        item.put(VERSION, n(payment.version()));
        item.put(PROCESSED_AT, s(payment.processedAt().toString()));
        putIfPresent(item, CANCELLED_AT, payment.cancelledAt() == null ? null : payment.cancelledAt().toString());
        putIfPresent(item, REASON, payment.reason());
        CardPart card = payment.card();
        if (card != null) {
            item.put(CARD_AMOUNT, n(card.amount()));
            item.put(PAYMENT_METHOD, s(card.paymentMethod()));
            item.put(AUTHORISATION_REF, s(card.authorisationRef()));
            putIfPresent(item, CAPTURE_REF, card.captureRef());
            putIfPresent(item, VOID_REF, card.voidRef());
            putIfPresent(item, REFUND_REF, card.refundRef());
        }
        return item;
    }

    static Payment payment(Map<String, AttributeValue> item) {
        String cancelledAt = optional(item, CANCELLED_AT);
        CardPart card = item.containsKey(CARD_AMOUNT)
                ? new CardPart(Long.parseLong(item.get(CARD_AMOUNT).n()), item.get(PAYMENT_METHOD).s(),
                        item.get(AUTHORISATION_REF).s(), optional(item, CAPTURE_REF), optional(item, VOID_REF),
                        optional(item, REFUND_REF))
                : null;
        return new Payment(item.get(PAYMENT_ID).s(), item.get(RESERVATION_ID).s(), item.get(USER_ID).s(),
                Long.parseLong(item.get(AMOUNT).n()), Long.parseLong(item.get(POINTS_AMOUNT).n()), card, PaymentStatus.valueOf(item.get(STATUS).s()),
                Long.parseLong(item.get(VERSION).n()), Instant.parse(item.get(PROCESSED_AT).s()),
                cancelledAt == null ? null : Instant.parse(cancelledAt), optional(item, REASON));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static Map<String, AttributeValue> requestItem(PaymentRequest request) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(REQUEST_KEY, s(request.requestKey()));
        item.put(USER_ID, s(request.userId()));
        item.put(IDEMPOTENCY_KEY, s(request.idempotencyKey()));
        item.put(RESERVATION_ID, s(request.reservationId()));
        item.put(REQUEST_ID, s(request.requestId()));
        item.put(CREATED_AT, s(request.createdAt().toString()));
        // a request resumes a saga that is already running: it is over a day after the request at the latest
        item.put(PURGE_AT, n(request.createdAt().plus(RETENTION).getEpochSecond()));
        if (request.faultAt() != null) {
            item.put(FAULT_AT, s(request.faultAt()));
        }
        return item;
    }

    static PaymentRequest request(Map<String, AttributeValue> item) {
        String outcome = optional(item, OUTCOME);
        return new PaymentRequest(item.get(USER_ID).s(), item.get(IDEMPOTENCY_KEY).s(), item.get(RESERVATION_ID).s(),
                item.get(REQUEST_ID).s(), optional(item, FAULT_AT), Instant.parse(item.get(CREATED_AT).s()),
                outcome == null ? null : BookingStatus.valueOf(outcome), optional(item, ERROR));
    }

    static Map<String, AttributeValue> key(String name, String value) {
        return Map.of(name, s(value));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String optional(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}

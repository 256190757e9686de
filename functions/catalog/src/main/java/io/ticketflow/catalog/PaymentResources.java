package io.ticketflow.catalog;

import static io.ticketflow.catalog.Grant.consumes;
import static io.ticketflow.catalog.Grant.describesExecution;
import static io.ticketflow.catalog.Grant.reads;
import static io.ticketflow.catalog.Grant.readsExecutionHistory;
import static io.ticketflow.catalog.Grant.relays;
import static io.ticketflow.catalog.Grant.sends;
import static io.ticketflow.catalog.Grant.sendsTaskSuccess;
import static io.ticketflow.catalog.Grant.verifiesAdmissionPasses;
import static io.ticketflow.catalog.Grant.writes;
import static io.ticketflow.catalog.KeyAttribute.string;

import java.util.List;

/**
 * Payment service: what a booking waits for, the payments it made, and its own admission view of the queue.
 *
 * <ul>
 *   <li>{@code payment-intents}: one item per reservation waiting for (or past) payment, written by the saga's
 *       {@code awaitPayment} step with its task token; key {@code reservationId}.</li>
 *   <li>{@code payment-payments}: one item per payment, key {@code paymentId} (derived from the reservation id,
 *       so a retried {@code authorisePayment} finds the first one), with the provider's reference of each card
 *       call made for it.</li>
 *   <li>{@code payment-idempotency}: one item per {@code (userId, Idempotency-Key)} of {@code POST /payments},
 *       key {@code requestKey}: the first request for a key owns it, repeats replay it.</li>
 *   <li>{@code payment-admissions} + {@code payment-inbox}: the revocation view of admission passes, fed by
 *       QUEUE_EXPIRED/RESTORED.</li>
 *   <li>{@code payment-events}: the outbox and event store; its stream feeds {@code paymentEventsRelay}.</li>
 * </ul>
 */
public final class PaymentResources {

    public static final String INTENTS_TABLE = "payment-intents";
    public static final String PAYMENTS_TABLE = "payment-payments";
    public static final String IDEMPOTENCY_TABLE = "payment-idempotency";
    public static final String ADMISSIONS_TABLE = "payment-admissions";
    public static final String INBOX_TABLE = "payment-inbox";
    public static final String EVENTS_TABLE = "payment-events";
    /**
     * The TTL attribute (epoch seconds) of intents and requests: DynamoDB deletes them once no saga can still need
     * them, so the task tokens and the per-user keys do not pile up for ever.
     */
    public static final String PURGE_AT_ATTRIBUTE = "purgeAt";

    public static final String ADMISSION_QUEUE = "payment-admission-events";
    public static final String RELAY_FAILURES_QUEUE = "payment-relay-failures";
    /** PAYMENT_* events have no consumer yet; like Point's, they go to an audit queue so they stay observable. */
    public static final String AUDIT_QUEUE = "payment-events-audit";

    public static final String PAY = "pay";
    public static final String GET_PAYMENT = "getPayment";
    public static final String BOOKING_STATUS = "bookingStatus";
    public static final String AWAIT_PAYMENT = "awaitPayment";
    public static final String AUTHORISE_PAYMENT = "authorisePayment";
    public static final String CAPTURE_PAYMENT = "capturePayment";
    public static final String CANCEL_PAYMENT = "cancelPayment";
    public static final String ADMISSION_CONSUMER = "paymentAdmissionConsumer";
    public static final String EVENTS_RELAY = "paymentEventsRelay";

    private PaymentResources() {
    }

    static ServiceResources declare() {
        return new ServiceResources(
                Service.PAYMENT,
                List.of(
                        new TableSpec(INTENTS_TABLE, Service.PAYMENT, string("reservationId"), null, List.of(), false,
                                PURGE_AT_ATTRIBUTE),
                        new TableSpec(PAYMENTS_TABLE, Service.PAYMENT, string("paymentId"), null, List.of(), false, null),
                        new TableSpec(IDEMPOTENCY_TABLE, Service.PAYMENT, string("requestKey"), null, List.of(), false,
                                PURGE_AT_ATTRIBUTE),
                        Catalogue.admissionTable(ADMISSIONS_TABLE, Service.PAYMENT),
                        Catalogue.inboxTable(INBOX_TABLE, Service.PAYMENT),
                        Catalogue.outboxTable(EVENTS_TABLE, Service.PAYMENT)),
                List.of(new QueueSpec(ADMISSION_QUEUE, Service.PAYMENT, 30, 5),
                        new QueueSpec(RELAY_FAILURES_QUEUE, Service.PAYMENT, 30, 3),
                        new QueueSpec(AUDIT_QUEUE, Service.PAYMENT, 30, 5)),
                List.of(FunctionSpec.of(PAY, Service.PAYMENT, FunctionKind.HTTP)
                                .uses(verifiesAdmissionPasses(), reads(ADMISSIONS_TABLE), reads(INTENTS_TABLE),
                                        reads(IDEMPOTENCY_TABLE), writes(IDEMPOTENCY_TABLE),
                                        sendsTaskSuccess(Catalogue.BOOKING_SAGA), describesExecution(Catalogue.BOOKING_SAGA)),
                        FunctionSpec.of(GET_PAYMENT, Service.PAYMENT, FunctionKind.HTTP).uses(reads(PAYMENTS_TABLE)),
                        FunctionSpec.of(BOOKING_STATUS, Service.PAYMENT, FunctionKind.HTTP)
                                // a booking's view reads its saga and, once confirmed, the cancellation of the same name
                                .uses(describesExecution(Catalogue.BOOKING_SAGA), readsExecutionHistory(Catalogue.BOOKING_SAGA),
                                        describesExecution(Catalogue.BOOKING_CANCELLATION),
                                        readsExecutionHistory(Catalogue.BOOKING_CANCELLATION)),
                        // the same wait delivered again reads back the intent its first delivery stored
                        FunctionSpec.of(AWAIT_PAYMENT, Service.PAYMENT, FunctionKind.SAGA_TASK).uses(reads(INTENTS_TABLE), writes(INTENTS_TABLE)),
                        FunctionSpec.of(AUTHORISE_PAYMENT, Service.PAYMENT, FunctionKind.SAGA_TASK)
                                .uses(reads(INTENTS_TABLE), reads(PAYMENTS_TABLE), writes(PAYMENTS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(CAPTURE_PAYMENT, Service.PAYMENT, FunctionKind.SAGA_TASK)
                                .uses(reads(PAYMENTS_TABLE), writes(PAYMENTS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(CANCEL_PAYMENT, Service.PAYMENT, FunctionKind.SAGA_TASK)
                                .uses(reads(PAYMENTS_TABLE), writes(PAYMENTS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(ADMISSION_CONSUMER, Service.PAYMENT, FunctionKind.SQS)
                                .uses(consumes(ADMISSION_QUEUE), writes(INBOX_TABLE), writes(ADMISSIONS_TABLE)),
                        FunctionSpec.of(EVENTS_RELAY, Service.PAYMENT, FunctionKind.STREAM)
                                .uses(relays(EVENTS_TABLE), sends(RELAY_FAILURES_QUEUE))),
                List.of(new Route(HttpMethod.POST, "/payments", PAY, true),
                        new Route(HttpMethod.GET, "/payments/{paymentId}", GET_PAYMENT, true),
                        new Route(HttpMethod.GET, "/bookings/{reservationId}", BOOKING_STATUS, true)),
                List.of(new StreamSubscription(EVENTS_TABLE, EVENTS_RELAY, 100, 5, RELAY_FAILURES_QUEUE)),
                List.of(new QueueSubscription(ADMISSION_QUEUE, ADMISSION_CONSUMER, 10, 0)),
                List.of(new EventRoute(QueueResources.EVENTS_TABLE, "QUEUE_EXPIRED", ADMISSION_QUEUE),
                        new EventRoute(QueueResources.EVENTS_TABLE, "QUEUE_RESTORED", ADMISSION_QUEUE),
                        new EventRoute(EVENTS_TABLE, "PAYMENT_AUTHORISED", AUDIT_QUEUE),
                        new EventRoute(EVENTS_TABLE, "PAYMENT_CAPTURED", AUDIT_QUEUE),
                        new EventRoute(EVENTS_TABLE, "PAYMENT_CANCELLED", AUDIT_QUEUE),
                        new EventRoute(EVENTS_TABLE, "PAYMENT_REFUNDED", AUDIT_QUEUE)),
                List.of());
    }
}

package io.ticketflow.catalog;

import static io.ticketflow.catalog.KeyAttribute.number;
import static io.ticketflow.catalog.Grant.reads;
import static io.ticketflow.catalog.Grant.readsIndex;
import static io.ticketflow.catalog.Grant.relays;
import static io.ticketflow.catalog.Grant.sends;
import static io.ticketflow.catalog.Grant.writes;
import static io.ticketflow.catalog.KeyAttribute.string;

import java.util.List;

/**
 * Point service: a balance and its ledger per user, and its outbox.
 *
 * <ul>
 *   <li>{@code point-accounts}: key {@code userId} + {@code sk}. {@code sk = BALANCE} holds the balance and its
 *       version; {@code sk = LEDGER#<operationId>} holds one ledger line per operation (charge, deduct, refund,
 *       earn, take-back), written in the same transaction as the balance and the event, only if absent, so an
 *       operation counts once. One partition per user keeps balance, ledger and history one Query apart.</li>
 *   <li>{@code sk = TOPUP#<checkoutId>} holds a top-up the user started at the payment provider: the provider's
 *       signed webhook credits only the amount and currency it names, once per checkout.</li>
 *   <li>{@code point-events}: the outbox and event store (aggregate = user, sequence = balance version); its
 *       stream feeds {@code pointEventsRelay}. No service consumes point events yet, so the relay routes them
 *       to {@code point-events-audit} only: they stay observable (tests, demos, a future consumer's backlog)
 *       and the relay runs in every environment the same way.</li>
 * </ul>
 */
public final class PointResources {

    public static final String ACCOUNTS_TABLE = "point-accounts";
    public static final String EVENTS_TABLE = "point-events";
    /** Ledger lines by {@code userId} and {@code line} (their version): the history's pages, newest first. */
    public static final String LEDGER_BY_LINE_INDEX = "ledgerByLine";
    public static final String AUDIT_QUEUE = "point-events-audit";
    public static final String RELAY_FAILURES_QUEUE = "point-relay-failures";

    /** An operator's direct credit: users buy points through {@link #START_TOP_UP} and the provider's webhook. */
    public static final String CHARGE_POINTS = "chargePoints";
    public static final String START_TOP_UP = "startTopUp";
    public static final String TOP_UP_WEBHOOK = "topUpWebhook";
    public static final String POINT_BALANCE = "pointBalance";
    public static final String POINT_HISTORY = "pointHistory";
    public static final String DEDUCT_POINTS = "deductPoints";
    public static final String REFUND_POINTS = "refundPoints";
    /** The booking saga's step after the card capture: points earned on the card amount. */
    public static final String EARN_POINTS = "earnPoints";
    /** The first step of a confirmed booking's cancellation: the points it earned taken back, or the refusal. */
    public static final String TAKE_BACK_EARNED_POINTS = "takeBackEarnedPoints";
    public static final String EVENTS_RELAY = "pointEventsRelay";

    static final List<String> EVENT_TYPES = List.of("POINT_CHARGED", "POINT_DEDUCTED", "POINT_REFUNDED",
            "POINT_EARNED", "POINT_EARNING_REVERSED");

    private PointResources() {
    }

    static ServiceResources declare() {
        return new ServiceResources(
                Service.POINT,
                List.of(new TableSpec(ACCOUNTS_TABLE, Service.POINT, string("userId"), string("sk"),
                                List.of(new IndexSpec(LEDGER_BY_LINE_INDEX, string("userId"), number("line"))), false, null),
                        Catalogue.outboxTable(EVENTS_TABLE, Service.POINT)),
                List.of(new QueueSpec(AUDIT_QUEUE, Service.POINT, 30, 5),
                        new QueueSpec(RELAY_FAILURES_QUEUE, Service.POINT, 30, 3)),
                List.of(FunctionSpec.of(CHARGE_POINTS, Service.POINT, FunctionKind.HTTP)
                                .uses(reads(ACCOUNTS_TABLE), writes(ACCOUNTS_TABLE), writes(EVENTS_TABLE)),
                        // the checkout is kept in the user's partition until the provider's webhook credits it
                        FunctionSpec.of(START_TOP_UP, Service.POINT, FunctionKind.HTTP)
                                .uses(reads(ACCOUNTS_TABLE), writes(ACCOUNTS_TABLE)),
                        FunctionSpec.of(TOP_UP_WEBHOOK, Service.POINT, FunctionKind.HTTP)
                                .uses(reads(ACCOUNTS_TABLE), writes(ACCOUNTS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(POINT_BALANCE, Service.POINT, FunctionKind.HTTP).uses(reads(ACCOUNTS_TABLE)),
                        FunctionSpec.of(POINT_HISTORY, Service.POINT, FunctionKind.HTTP)
                                .uses(reads(ACCOUNTS_TABLE), readsIndex(ACCOUNTS_TABLE, LEDGER_BY_LINE_INDEX)),
                        FunctionSpec.of(DEDUCT_POINTS, Service.POINT, FunctionKind.SAGA_TASK)
                                .uses(reads(ACCOUNTS_TABLE), writes(ACCOUNTS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(REFUND_POINTS, Service.POINT, FunctionKind.SAGA_TASK)
                                .uses(reads(ACCOUNTS_TABLE), writes(ACCOUNTS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(EARN_POINTS, Service.POINT, FunctionKind.SAGA_TASK)
                                .uses(reads(ACCOUNTS_TABLE), writes(ACCOUNTS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(TAKE_BACK_EARNED_POINTS, Service.POINT, FunctionKind.SAGA_TASK)
                                .uses(reads(ACCOUNTS_TABLE), writes(ACCOUNTS_TABLE), writes(EVENTS_TABLE)),
                        FunctionSpec.of(EVENTS_RELAY, Service.POINT, FunctionKind.STREAM)
                                .uses(relays(EVENTS_TABLE), sends(RELAY_FAILURES_QUEUE))),
                List.of(Route.admin(HttpMethod.POST, "/points/charges", CHARGE_POINTS),
                        new Route(HttpMethod.POST, "/points/top-ups", START_TOP_UP, true),
                        // no authorizer: the provider calls it, and the signature is checked in the function
                        new Route(HttpMethod.POST, "/points/top-ups/webhook", TOP_UP_WEBHOOK, false),
                        new Route(HttpMethod.GET, "/points/balance", POINT_BALANCE, true),
                        new Route(HttpMethod.GET, "/points/history", POINT_HISTORY, true)),
                List.of(new StreamSubscription(EVENTS_TABLE, EVENTS_RELAY, 100, 5, RELAY_FAILURES_QUEUE)),
                List.of(),
                EVENT_TYPES.stream().map(type -> new EventRoute(EVENTS_TABLE, type, AUDIT_QUEUE)).toList(),
                List.of());
    }
}

package io.ticketflow.point.adapter;

import io.ticketflow.point.domain.LedgerEntry;
import io.ticketflow.point.domain.LedgerKind;
import io.ticketflow.point.domain.PointAccount;
import io.ticketflow.point.domain.TopUpOrder;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of {@code point-accounts}: partition key {@code userId}, sort key {@code sk}, three kinds of item.
 * <ul>
 *   <li>{@code BALANCE} — {@code balance}, {@code version} (the number of ledger lines that produced it).</li>
 *   <li>{@code LEDGER#<operationId>} — one line per operation: {@code kind}, {@code amount}, {@code balance}
 *       after it, {@code version} (also as {@code line}, the sort key of the index {@code ledgerByLine} that pages
 *       the ledger newest first), {@code at}, for deductions, refunds, earnings and their reversals
 *       {@code reservationId}, and for earnings and their reversals {@code cardAmount}.</li>
 *   <li>{@code FENCE#<operationId>} — a refund found no deduction ({@code <reservationId>:deduct}) to undo, or a
 *       take-back no earning ({@code <reservationId>:earn}); that operation checks this item's absence, so it
 *       cannot land late. Keyed by operation id since issue #17 (before: {@code FENCE#<reservationId>}).</li>
 *   <li>{@code TOPUP#<checkoutId>} — a top-up the user started: {@code amount}, {@code currency},
 *       {@code paymentUrl}, {@code at}; the provider's webhook credits only what such an item says.</li>
 * </ul>
 */
final class PointItems {

    static final String USER_ID = "userId";
    static final String SK = "sk";
    static final String BALANCE = "balance";
    static final String VERSION = "version";
    static final String OPERATION_ID = "operationId";
    static final String KIND = "kind";
    static final String AMOUNT = "amount";
    static final String RESERVATION_ID = "reservationId";
    static final String AT = "at";
    static final String CARD_AMOUNT = "cardAmount";

    static final String BALANCE_KEY = "BALANCE";
    static final String LEDGER_PREFIX = "LEDGER#";
    static final String FENCE_PREFIX = "FENCE#";
    static final String TOP_UP_PREFIX = "TOPUP#";
    /** A ledger line's version again, under a name only ledger lines carry: the sort key of the ledger index. */
    static final String LINE = "line";
    static final String CURRENCY = "currency";
    static final String PAYMENT_URL = "paymentUrl";

    private PointItems() {
    }

    static Map<String, AttributeValue> key(String userId, String sk) {
        return Map.of(USER_ID, AttributeValue.fromS(userId), SK, AttributeValue.fromS(sk));
    }

    static Map<String, AttributeValue> balanceKey(String userId) {
        return key(userId, BALANCE_KEY);
    }

    static Map<String, AttributeValue> ledgerKey(String userId, String operationId) {
        return key(userId, LEDGER_PREFIX + operationId);
    }

    static Map<String, AttributeValue> fenceKey(String userId, String operationId) {
        return key(userId, FENCE_PREFIX + operationId);
    }

    static Map<String, AttributeValue> balanceItem(PointAccount account) {
        Map<String, AttributeValue> item = new HashMap<>(balanceKey(account.userId()));
        item.put(BALANCE, number(account.balance()));
        item.put(VERSION, number(account.version()));
        return item;
    }

    static PointAccount account(Map<String, AttributeValue> item) {
        return new PointAccount(item.get(USER_ID).s(), longOf(item, BALANCE), longOf(item, VERSION));
    }

    static Map<String, AttributeValue> ledgerItem(LedgerEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(ledgerKey(entry.userId(), entry.operationId()));
        item.put(OPERATION_ID, AttributeValue.fromS(entry.operationId()));
        item.put(KIND, AttributeValue.fromS(entry.kind().name()));
        item.put(AMOUNT, number(entry.amount()));
        item.put(BALANCE, number(entry.balanceAfter()));
        item.put(VERSION, number(entry.version()));
        item.put(LINE, number(entry.version()));
        item.put(AT, AttributeValue.fromS(entry.at().toString()));
        if (entry.reservationId() != null) {
            item.put(RESERVATION_ID, AttributeValue.fromS(entry.reservationId()));
        }
        if (entry.cardAmount() != null) {
            item.put(CARD_AMOUNT, number(entry.cardAmount()));
        }
        return item;
    }

    static LedgerEntry entry(Map<String, AttributeValue> item) {
        AttributeValue reservationId = item.get(RESERVATION_ID);
        return new LedgerEntry(item.get(USER_ID).s(), item.get(OPERATION_ID).s(),
                LedgerKind.valueOf(item.get(KIND).s()), longOf(item, AMOUNT), longOf(item, BALANCE),
                longOf(item, VERSION), reservationId == null ? null : reservationId.s(), Instant.parse(item.get(AT).s()),
                item.containsKey(CARD_AMOUNT) ? longOf(item, CARD_AMOUNT) : null);
    }

    static Map<String, AttributeValue> fenceItem(String userId, String reservationId, String operationId, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(fenceKey(userId, operationId));
        item.put(RESERVATION_ID, AttributeValue.fromS(reservationId));
        item.put(AT, AttributeValue.fromS(at.toString()));
        return item;
    }

    static Map<String, AttributeValue> topUpKey(String userId, String checkoutId) {
        return key(userId, TOP_UP_PREFIX + checkoutId);
    }

    static Map<String, AttributeValue> topUpItem(TopUpOrder order) {
        Map<String, AttributeValue> item = new HashMap<>(topUpKey(order.userId(), order.checkoutId()));
        item.put(AMOUNT, number(order.amount()));
        item.put(CURRENCY, AttributeValue.fromS(order.currency()));
        item.put(PAYMENT_URL, AttributeValue.fromS(order.paymentUrl()));
        item.put(AT, AttributeValue.fromS(order.createdAt().toString()));
        return item;
    }

    static TopUpOrder topUp(Map<String, AttributeValue> item) {
        return new TopUpOrder(item.get(USER_ID).s(), item.get(SK).s().substring(TOP_UP_PREFIX.length()),
                longOf(item, AMOUNT), item.get(CURRENCY).s(), item.get(PAYMENT_URL).s(), Instant.parse(item.get(AT).s()));
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long longOf(Map<String, AttributeValue> item, String attribute) {
        return Long.parseLong(item.get(attribute).n());
    }
}

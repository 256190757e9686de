package io.ticketflow.point.adapter;

import static io.ticketflow.point.adapter.PointItems.BALANCE;
import static io.ticketflow.point.adapter.PointItems.SK;
import static io.ticketflow.point.adapter.PointItems.USER_ID;
import static io.ticketflow.point.adapter.PointItems.VERSION;
import static io.ticketflow.point.adapter.PointItems.number;

import io.ticketflow.catalog.PointResources;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.messaging.TransactionConflict;
import io.ticketflow.point.domain.Ledger;
import io.ticketflow.point.domain.LedgerEntry;
import io.ticketflow.point.domain.LedgerKind;
import io.ticketflow.point.domain.LedgerPage;
import io.ticketflow.point.domain.PointAccount;
import io.ticketflow.point.domain.PointRepository;
import io.ticketflow.point.domain.Posting;
import io.ticketflow.point.domain.PostingConflict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts and ledgers on DynamoDB (layout: {@link PointItems}). One operation is one
 * {@code TransactWriteItems} through the {@link OutboxWriter}: the ledger line (put if absent), the balance
 * (at the version read; a deduction or an earning's reversal also re-checks {@code balance >= amount} in the
 * database), for a deduction or an earning the absence of its fence, and the event.
 */
public final class DynamoDbPointRepository implements PointRepository {

    private static final int LEDGER_ITEM = 0;
    private static final int BALANCE_ITEM = 1;
    private static final int FENCE_CHECK = 2;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final OutboxWriter outbox;
    private final PointEvents events;
    private final Clock clock;

    /**
     * @param accountsTable physical name of {@code point-accounts}
     * @param outbox        writer to the {@code point-events} outbox
     */
    public DynamoDbPointRepository(DynamoDbClient dynamoDb, String accountsTable, OutboxWriter outbox,
                                   JsonMapper json, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = accountsTable;
        this.outbox = outbox;
        this.events = new PointEvents(json, clock);
        this.clock = clock;
    }

    @Override
    public Optional<PointAccount> account(String userId) {
        return getItem(PointItems.balanceKey(userId)).map(PointItems::account);
    }

    @Override
    public Optional<LedgerEntry> entry(String userId, String operationId) {
        return getItem(PointItems.ledgerKey(userId, operationId)).map(PointItems::entry);
    }

    @Override
    public Ledger ledger(String userId) {
        List<LedgerEntry> entries = dynamoDb.queryPaginator(request -> request
                        .tableName(table)
                        .keyConditionExpression("#user = :user AND begins_with(#sk, :ledger)")
                        .expressionAttributeNames(Map.of("#user", USER_ID, "#sk", SK))
                        .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(userId),
                                ":ledger", AttributeValue.fromS(PointItems.LEDGER_PREFIX)))
                        .consistentRead(true))
                .items().stream()
                .map(PointItems::entry)
                .toList();
        return new Ledger(entries);
    }

    @Override
    public LedgerPage ledgerPage(String userId, int limit, LedgerPage.Cursor after) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(PointResources.LEDGER_BY_LINE_INDEX)
                .keyConditionExpression("#user = :user")
                .expressionAttributeNames(Map.of("#user", USER_ID))
                .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(userId)))
                .scanIndexForward(false)
                .limit(limit);
        if (after != null) {
            query.exclusiveStartKey(Map.of(USER_ID, AttributeValue.fromS(userId),
                    SK, AttributeValue.fromS(PointItems.LEDGER_PREFIX + after.operationId()),
                    PointItems.LINE, number(after.version())));
        }
        QueryResponse page = dynamoDb.query(query.build());
        List<LedgerEntry> entries = page.items().stream().map(PointItems::entry).toList();
        // a full page may be the last one; DynamoDB then still names a last key, and the next page is empty
        LedgerPage.Cursor next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() && !entries.isEmpty()
                ? new LedgerPage.Cursor(entries.get(entries.size() - 1).version(),
                        entries.get(entries.size() - 1).operationId())
                : null;
        return new LedgerPage(entries, next);
    }

    @Override
    public void post(Posting posting) {
        LedgerEntry entry = posting.entry();
        List<TransactWriteItem> changes = new ArrayList<>();
        changes.add(putIfAbsent(PointItems.ledgerItem(entry)));
        changes.add(balance(posting));
        if (entry.kind().fenceable()) {
            changes.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                    .tableName(table)
                    .key(PointItems.fenceKey(entry.userId(), entry.operationId()))
                    .conditionExpression("attribute_not_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", SK))
                    .build()).build());
        }
        try {
            outbox.write(changes, List.of(events.of(entry)));
        } catch (TransactionConflict conflict) {
            throw new PostingConflict(reasonOf(conflict.failedItemIndexes(), entry.kind()), conflict);
        }
    }

    @Override
    public void fence(String userId, String reservationId, String operationId) {
        TransactWriteItem noOperation = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(table)
                .key(PointItems.ledgerKey(userId, operationId))
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", SK))
                .build()).build();
        // written once: a repeated undoing finds the fence and keeps it as it was, the time it was put included
        TransactWriteItem fence = TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(PointItems.fenceItem(userId, reservationId, operationId, clock.instant()))
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", SK))
                .build()).build();
        try {
            outbox.write(List.of(noOperation, fence), List.of());
        } catch (TransactionConflict conflict) {
            if (conflict.failedItemIndexes().contains(0) || !conflict.failedItemIndexes().contains(1)) {
                throw new PostingConflict(PostingConflict.Reason.OPERATION_EXISTS, conflict);
            }
        }
    }

    private static PostingConflict.Reason reasonOf(List<Integer> failed, LedgerKind kind) {
        if (failed.contains(LEDGER_ITEM)) {
            return PostingConflict.Reason.OPERATION_EXISTS;
        }
        if (kind.fenceable() && failed.contains(FENCE_CHECK) && !failed.contains(BALANCE_ITEM)) {
            return PostingConflict.Reason.RESERVATION_FENCED;
        }
        // the balance moved on, or (the same thing seen from the outbox) its next sequence is taken
        return PostingConflict.Reason.ACCOUNT_CHANGED;
    }

    private TransactWriteItem balance(Posting posting) {
        PointAccount before = posting.before();
        PointAccount after = posting.after();
        if (before.version() == 0) {
            return putIfAbsent(PointItems.balanceItem(after));
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":balance", number(after.balance()));
        values.put(":next", number(after.version()));
        values.put(":read", number(before.version()));
        String condition = "#version = :read";
        if (posting.entry().signedAmount() < 0) {
            // implied by the version, stated anyway: the database itself never lets a balance go below zero
            condition += " AND #balance >= :amount";
            values.put(":amount", number(posting.entry().amount()));
        }
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(PointItems.balanceKey(before.userId()))
                .updateExpression("SET #balance = :balance, #version = :next")
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#balance", BALANCE, "#version", VERSION))
                .expressionAttributeValues(values)
                .build()).build();
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", SK))
                .build()).build();
    }

    private Optional<Map<String, AttributeValue>> getItem(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                .tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}

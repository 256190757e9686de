package io.ticketflow.queue.adapter;

import static io.ticketflow.queue.adapter.QueueItems.ACTIVATED;
import static io.ticketflow.queue.adapter.QueueItems.ACTIVE_CONCERT_ID;
import static io.ticketflow.queue.adapter.QueueItems.ACTIVE_COUNT;
import static io.ticketflow.queue.adapter.QueueItems.ACTIVE_UNTIL;
import static io.ticketflow.queue.adapter.QueueItems.BURNED;
import static io.ticketflow.queue.adapter.QueueItems.CLOSED;
import static io.ticketflow.queue.adapter.QueueItems.CONCERT_IDS;
import static io.ticketflow.queue.adapter.QueueItems.ISSUED;
import static io.ticketflow.queue.adapter.QueueItems.PK;
import static io.ticketflow.queue.adapter.QueueItems.RESTORED;
import static io.ticketflow.queue.adapter.QueueItems.STATUS;
import static io.ticketflow.queue.adapter.QueueItems.TOKEN;
import static io.ticketflow.queue.adapter.QueueItems.VERSION;
import static io.ticketflow.queue.adapter.QueueItems.key;
import static io.ticketflow.queue.adapter.QueueItems.number;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.messaging.TransactionConflict;
import io.ticketflow.queue.domain.ActivationOutcome;
import io.ticketflow.queue.domain.ActivationPlan;
import io.ticketflow.queue.domain.ExpiryReason;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.ReadmissionPlan;
import io.ticketflow.queue.domain.TokenStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue on DynamoDB (layout: {@link QueueItems}). Every token change goes through the {@link OutboxWriter}
 * with its event, in one transaction.
 *
 * <p><b>Seq allocation.</b> A transaction cannot return an updated value, so entering takes two writes: an
 * {@code UpdateItem ADD issued 1} on the counter that returns the new seq (and fails when the queue is not
 * open, writing nothing), then one transaction with the user's pointer, the token, the seq's slot and the
 * {@code QUEUE_WAITING} event, each put only if absent. A seq whose transaction then fails (the user entered
 * concurrently, the process died) stays without a token: harmless, because the activation burns empty slots.
 *
 * <p><b>Activation.</b> The activation reads the slots after the watermark by key with strongly consistent
 * reads and, per part of at most {@link #STEPS_PER_TRANSACTION} seqs, writes in one transaction: the counter
 * ({@code SET activated = to, ADD activeCount n} if {@code activated} is still {@code from} and
 * {@code activeCount <= maxActive - n}), each waiting token's flip (if still WAITING at the version read), a
 * burned marker in each empty slot (if still empty), and the events. The watermark condition makes a
 * concurrent or retried tick fail instead of admitting a seq twice; the outbox key (token, version) refuses a
 * second QUEUE_ACTIVATED even so. Burning an empty slot fences off a late enter: its slot put fails and it
 * takes a new seq instead of waiting behind the watermark forever — the reason the slots exist at all, since
 * an index on seq is only eventually consistent and could show a slot as empty that a token already holds.
 *
 * <p><b>Restored tokens.</b> A token put back to WAITING by the booking saga sits behind the watermark, so the
 * restore also adds it to the counter's string set {@code restored} (same transaction as the flip, the freed
 * place and its QUEUE_RESTORED event). The activation re-admits that set first: per part, the counter
 * ({@code DELETE restored ids, ADD activeCount n} if each admitted id is still in the set and
 * {@code activeCount <= maxActive - n}), each flip (if still WAITING at the version read) and its
 * QUEUE_ACTIVATED. A watermark move that admits anyone requires the set to be empty, so a token restored after
 * the counter was read still goes before newer ones.
 */
public final class DynamoDbQueueRepository implements QueueRepository {

    /** Seqs per activation transaction: the counter + up to two items per seq stay within DynamoDB's 100. */
    static final int STEPS_PER_TRANSACTION = 45;
    /** Tokens per expiry transaction: the counter + a token and its event each. */
    static final int EXPIRIES_PER_TRANSACTION = 45;
    /** Keys per BatchGetItem, DynamoDB's limit. */
    private static final int BATCH_GET_KEYS = 100;

    private static final System.Logger LOG = System.getLogger(DynamoDbQueueRepository.class.getName());

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final OutboxWriter outbox;
    private final QueueEvents events;

    /**
     * @param tokensTable physical name of the {@code queue-tokens} table
     * @param outbox      writer to the {@code queue-events} outbox
     */
    public DynamoDbQueueRepository(DynamoDbClient dynamoDb, String tokensTable, OutboxWriter outbox, JsonMapper json,
                                   Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = tokensTable;
        this.outbox = outbox;
        this.events = new QueueEvents(json, clock);
    }

    @Override
    public boolean openQueue(String concertId) {
        TransactWriteItem counter = TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(QueueItems.openedCounterItem(concertId))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))
                .build()).build();
        TransactWriteItem registry = TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.REGISTRY_KEY))
                .updateExpression("ADD #ids :id")
                .expressionAttributeNames(Map.of("#ids", CONCERT_IDS))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(List.of(concertId))))
                .build()).build();
        try {
            outbox.write(List.of(counter, registry), List.of());
            return true;
        } catch (TransactionConflict alreadyOpenOrClosed) {
            return reopen(concertId);
        }
    }

    /** Takes the closed mark off; the counter, its tokens and the registry entry stayed while closed. */
    private boolean reopen(String concertId) {
        return updateCounterIf(concertId, "REMOVE #closed", "attribute_exists(#closed)",
                Map.of("#closed", CLOSED), Map.of(), ReturnValue.NONE).isPresent();
    }

    @Override
    public CloseOutcome closeQueue(String concertId) {
        return updateCounterIf(concertId, "SET #closed = :closed", "attribute_exists(#pk)",
                Map.of("#closed", CLOSED, "#pk", PK), Map.of(":closed", AttributeValue.fromBool(true)),
                ReturnValue.ALL_OLD)
                .map(before -> before.containsKey(CLOSED) ? CloseOutcome.ALREADY_CLOSED : CloseOutcome.CLOSED)
                .orElse(CloseOutcome.UNKNOWN_CONCERT);
    }

    /**
     * One conditional UpdateItem on the concert's counter.
     *
     * @return the attributes {@code returned} asks for (empty map for none); empty when the condition failed
     *         and nothing was written
     */
    private Optional<Map<String, AttributeValue>> updateCounterIf(String concertId, String update, String condition,
                                                                  Map<String, String> names,
                                                                  Map<String, AttributeValue> values,
                                                                  ReturnValue returned) {
        try {
            Map<String, AttributeValue> attributes = dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(key(QueueItems.counterKey(concertId)))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    // DynamoDB refuses an empty map of values
                    .expressionAttributeValues(values.isEmpty() ? null : values)
                    .returnValues(returned)).attributes();
            return Optional.of(attributes == null ? Map.of() : attributes);
        } catch (ConditionalCheckFailedException conditionFailed) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> openQueues() {
        Map<String, AttributeValue> registry = getItem(QueueItems.REGISTRY_KEY);
        if (registry == null || !registry.containsKey(CONCERT_IDS)) {
            return List.of();
        }
        return registry.get(CONCERT_IDS).ss().stream().sorted().toList();
    }

    @Override
    public Optional<QueueCounter> findCounter(String concertId) {
        return Optional.ofNullable(getItem(QueueItems.counterKey(concertId))).map(QueueItems::counter);
    }

    @Override
    public Optional<QueueToken> findToken(String token) {
        return Optional.ofNullable(getItem(QueueItems.tokenKey(token))).map(QueueItems::token);
    }

    @Override
    public Optional<QueueToken> findTokenOfUser(String concertId, String userId) {
        return Optional.ofNullable(getItem(QueueItems.userKey(concertId, userId)))
                .flatMap(pointer -> findToken(pointer.get(TOKEN).s()));
    }

    @Override
    public Optional<QueueCounter> reservePlace(String concertId) {
        return updateCounterIf(concertId, "ADD #issued :one", "attribute_exists(#pk) AND attribute_not_exists(#closed)",
                Map.of("#issued", ISSUED, "#pk", PK, "#closed", CLOSED), Map.of(":one", number(1)), ReturnValue.ALL_NEW)
                .map(QueueItems::counter);
    }

    @Override
    public InsertOutcome insertWaiting(QueueToken token) {
        List<TransactWriteItem> items = List.of(
                putIfAbsent(QueueItems.userPointerItem(token)),
                putIfAbsent(QueueItems.tokenItem(token)),
                putIfAbsent(QueueItems.seqSlotItem(token)));
        try {
            outbox.write(items, List.of(events.waiting(token)));
            return InsertOutcome.INSERTED;
        } catch (TransactionConflict conflict) {
            if (conflict.failedItemIndexes().contains(0)) {
                return InsertOutcome.USER_ALREADY_ENTERED;
            }
            if (conflict.failedItemIndexes().contains(2)) {
                return InsertOutcome.SEQ_BURNED;
            }
            throw conflict;
        } catch (TransactionCanceledException contended) {
            // another transaction held one of the items (the same user entering twice at once): try again
            return InsertOutcome.CONTENDED;
        }
    }

    @Override
    public Map<Long, QueueToken> tokensAt(String concertId, long first, long last) {
        List<Map<String, AttributeValue>> slotKeys = new ArrayList<>();
        for (long seq = first; seq <= last; seq++) {
            slotKeys.add(key(QueueItems.seqKey(concertId, seq)));
        }
        List<Map<String, AttributeValue>> tokenKeys = batchGet(slotKeys).stream()
                .filter(slot -> !slot.containsKey(BURNED))
                .map(slot -> key(QueueItems.tokenKey(slot.get(TOKEN).s())))
                .toList();
        Map<Long, QueueToken> bySeq = new HashMap<>();
        batchGet(tokenKeys).stream().map(QueueItems::token).forEach(token -> bySeq.put(token.seq(), token));
        return bySeq;
    }

    @Override
    public ActivationOutcome apply(ActivationPlan plan) {
        List<QueueToken> admitted = new ArrayList<>();
        long watermark = plan.fromWatermark();
        for (ActivationPlan part : plan.split(STEPS_PER_TRANSACTION)) {
            List<TransactWriteItem> changes = new ArrayList<>();
            changes.add(moveWatermark(part));
            for (ActivationPlan.Step step : part.steps()) {
                changes.add(change(part.concertId(), step));
            }
            List<QueueToken> activations = part.activations();
            try {
                outbox.write(changes, activations.stream().map(events::activated).toList());
                admitted.addAll(activations);
                watermark = part.toWatermark();
            } catch (TransactionConflict | TransactionCanceledException stale) {
                // another tick moved the watermark, an enter filled a slot, or the active bound was reached:
                // what this tick read is out of date, and the next tick plans again from fresh reads
                LOG.log(System.Logger.Level.INFO, "activation of " + plan.concertId() + " stopped at watermark "
                        + part.fromWatermark() + ": " + stale.getMessage());
                break;
            }
        }
        return new ActivationOutcome(admitted, watermark);
    }

    @Override
    public Map<String, QueueToken> tokens(Collection<String> tokens) {
        Map<String, QueueToken> byToken = new HashMap<>();
        batchGet(tokens.stream().map(token -> key(QueueItems.tokenKey(token))).toList()).stream()
                .map(QueueItems::token).forEach(token -> byToken.put(token.token(), token));
        return byToken;
    }

    @Override
    public List<QueueToken> readmit(ReadmissionPlan plan) {
        if (plan.isEmpty()) {
            return List.of();
        }
        List<QueueToken> admitted = new ArrayList<>();
        List<ActivationPlan.Activate> admissions = plan.admissions();
        List<String> dropped = plan.dropped();
        int start = 0;
        do {
            List<ActivationPlan.Activate> part = admissions.subList(start, Math.min(admissions.size(), start + STEPS_PER_TRANSACTION));
            List<String> leaving = new ArrayList<>(dropped);
            part.forEach(step -> leaving.add(step.activated().token()));
            List<TransactWriteItem> changes = new ArrayList<>();
            changes.add(leaveRestoredSet(plan, part, leaving));
            part.forEach(step -> changes.add(flip(step.waiting(), step.activated())));
            List<QueueToken> activations = part.stream().map(ActivationPlan.Activate::activated).toList();
            try {
                outbox.write(changes, activations.stream().map(events::activated).toList());
                admitted.addAll(activations);
            } catch (TransactionConflict | TransactionCanceledException stale) {
                // a concurrent or earlier tick re-admitted them already, or the active bound was reached
                LOG.log(System.Logger.Level.INFO, "re-admission in " + plan.concertId() + " stopped: " + stale.getMessage());
                break;
            }
            dropped = List.of();
            start += STEPS_PER_TRANSACTION;
        } while (start < admissions.size());
        return admitted;
    }

    /** The counter: takes the tokens out of the restored set and, for admissions, their active places within the bound. */
    private TransactWriteItem leaveRestoredSet(ReadmissionPlan plan, List<ActivationPlan.Activate> part, List<String> leaving) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":leaving", AttributeValue.fromSs(leaving));
        values.put(":admitted", number(part.size()));
        StringBuilder condition = new StringBuilder("attribute_exists(#pk)");
        if (!part.isEmpty()) {
            condition.append(" AND #active <= :limit");
            values.put(":limit", number((long) plan.maxActive() - part.size()));
            for (int i = 0; i < part.size(); i++) {
                condition.append(" AND contains(#restored, :t").append(i).append(')');
                values.put(":t" + i, AttributeValue.fromS(part.get(i).activated().token()));
            }
        }
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.counterKey(plan.concertId())))
                .updateExpression("DELETE #restored :leaving ADD #active :admitted")
                .conditionExpression(condition.toString())
                .expressionAttributeNames(Map.of("#restored", RESTORED, "#active", ACTIVE_COUNT, "#pk", PK))
                .expressionAttributeValues(values)
                .build()).build();
    }

    @Override
    public List<QueueToken> activeTokensEndedBefore(String concertId, Instant now, int limit) {
        // the index is eventually consistent: the expiry writes re-check status and window in their conditions
        return dynamoDb.query(request -> request
                        .tableName(table)
                        .indexName(QueueItems.ACTIVE_BY_EXPIRY_INDEX)
                        .keyConditionExpression("#concert = :concert AND #until < :now")
                        .expressionAttributeNames(Map.of("#concert", ACTIVE_CONCERT_ID, "#until", ACTIVE_UNTIL))
                        .expressionAttributeValues(Map.of(
                                ":concert", AttributeValue.fromS(concertId),
                                ":now", QueueItems.instant(now)))
                        .limit(limit))
                .items().stream()
                .map(QueueItems::token)
                .toList();
    }

    @Override
    public List<QueueToken> expire(List<QueueToken> expired, ExpiryReason reason, Instant now) {
        List<QueueToken> done = new ArrayList<>();
        for (int start = 0; start < expired.size(); start += EXPIRIES_PER_TRANSACTION) {
            List<QueueToken> part = expired.subList(start, Math.min(expired.size(), start + EXPIRIES_PER_TRANSACTION));
            try {
                done.addAll(expirePart(part, reason, now));
            } catch (TransactionConflict conflict) {
                // some tokens changed since they were read (expired by a booking, say): expire the others
                List<QueueToken> unchanged = new ArrayList<>();
                for (int i = 0; i < part.size(); i++) {
                    if (!conflict.failedItemIndexes().contains(i + 1)) {
                        unchanged.add(part.get(i));
                    }
                }
                if (!unchanged.isEmpty() && unchanged.size() < part.size()) {
                    try {
                        done.addAll(expirePart(unchanged, reason, now));
                    } catch (TransactionConflict | TransactionCanceledException again) {
                        LOG.log(System.Logger.Level.INFO, "expiry part left to the next tick: " + again.getMessage());
                    }
                }
            } catch (TransactionCanceledException contended) {
                LOG.log(System.Logger.Level.INFO, "expiry part left to the next tick: " + contended.getMessage());
            }
        }
        return done;
    }

    private List<QueueToken> expirePart(List<QueueToken> part, ExpiryReason reason, Instant now) {
        List<TransactWriteItem> changes = new ArrayList<>();
        changes.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.counterKey(part.get(0).concertId())))
                .updateExpression("ADD #active :released")
                .expressionAttributeNames(Map.of("#active", ACTIVE_COUNT))
                .expressionAttributeValues(Map.of(":released", number(-part.size())))
                .build()).build());
        for (QueueToken token : part) {
            changes.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(table)
                    .key(key(QueueItems.tokenKey(token.token())))
                    .updateExpression("SET #status = :expired, #version = :next REMOVE #activeConcert")
                    .conditionExpression("#status = :active AND #version = :read AND #until < :now")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#version", VERSION,
                            "#activeConcert", ACTIVE_CONCERT_ID, "#until", ACTIVE_UNTIL))
                    .expressionAttributeValues(Map.of(
                            ":expired", AttributeValue.fromS(TokenStatus.EXPIRED.name()),
                            ":active", AttributeValue.fromS(TokenStatus.ACTIVE.name()),
                            ":next", number(token.version()),
                            ":read", number(token.version() - 1),
                            ":now", QueueItems.instant(now)))
                    .build()).build());
        }
        outbox.write(changes, part.stream().map(token -> events.expired(token, reason)).toList());
        return part;
    }

    @Override
    public boolean expireNow(QueueToken expired, ExpiryReason reason) {
        return leaveActive(expired, "SET #status = :status, #version = :next REMOVE #activeConcert",
                Map.of(), events.expired(expired, reason), false);
    }

    @Override
    public boolean restore(QueueToken restored) {
        return leaveActive(restored, "SET #status = :status, #version = :next REMOVE #activeConcert, #until",
                Map.of("#until", ACTIVE_UNTIL), events.restored(restored), true);
    }

    /** One ACTIVE token to {@code after}'s status, with its event, giving its active place back; false if it changed. */
    private boolean leaveActive(QueueToken after, String update, Map<String, String> extraNames, EventEnvelope event,
                                boolean restored) {
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS, "#version", VERSION,
                "#activeConcert", ACTIVE_CONCERT_ID));
        names.putAll(extraNames);
        TransactWriteItem token = TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.tokenKey(after.token())))
                .updateExpression(update)
                .conditionExpression("#status = :active AND #version = :read")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(
                        ":status", AttributeValue.fromS(after.status().name()),
                        ":active", AttributeValue.fromS(TokenStatus.ACTIVE.name()),
                        ":next", number(after.version()),
                        ":read", number(after.version() - 1)))
                .build()).build();
        Map<String, String> counterNames = new HashMap<>(Map.of("#active", ACTIVE_COUNT));
        Map<String, AttributeValue> counterValues = new HashMap<>(Map.of(":released", number(-1)));
        String counterUpdate = "ADD #active :released";
        if (restored) {
            // back in line behind the watermark: the activation re-admits the restored set first
            counterUpdate += ", #restored :token";
            counterNames.put("#restored", RESTORED);
            counterValues.put(":token", AttributeValue.fromSs(List.of(after.token())));
        }
        TransactWriteItem releasePlace = TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.counterKey(after.concertId())))
                .updateExpression(counterUpdate)
                .expressionAttributeNames(counterNames)
                .expressionAttributeValues(counterValues)
                .build()).build();
        try {
            outbox.write(List.of(token, releasePlace), List.of(event));
            return true;
        } catch (TransactionConflict changed) {
            return false;
        }
    }

    private TransactWriteItem moveWatermark(ActivationPlan part) {
        int admissions = part.activations().size();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":from", number(part.fromWatermark()));
        values.put(":to", number(part.toWatermark()));
        values.put(":admitted", number(admissions));
        String condition = "#activated = :from";
        if (admissions > 0) {
            // restored tokens go first: a token restored since the counter was read stops newer admissions
            condition += " AND #active <= :limit AND attribute_not_exists(#restored)";
            values.put(":limit", number((long) part.maxActive() - admissions));
        }
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.counterKey(part.concertId())))
                .updateExpression("SET #activated = :to ADD #active :admitted")
                .conditionExpression(condition)
                .expressionAttributeNames(admissions > 0
                        ? Map.of("#activated", ACTIVATED, "#active", ACTIVE_COUNT, "#restored", RESTORED)
                        : Map.of("#activated", ACTIVATED, "#active", ACTIVE_COUNT))
                .expressionAttributeValues(values)
                .build()).build();
    }

    private TransactWriteItem change(String concertId, ActivationPlan.Step step) {
        if (step instanceof ActivationPlan.Activate activate) {
            return flip(activate.waiting(), activate.activated());
        }
        if (step instanceof ActivationPlan.Pass pass) {
            return stillNotWaiting(pass.token());
        }
        return burnSlot(concertId, step.seq());
    }

    private TransactWriteItem flip(QueueToken waiting, QueueToken active) {
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.tokenKey(active.token())))
                .updateExpression("SET #status = :active, #version = :next, #until = :until, #activeConcert = :concert")
                .conditionExpression("#status = :waiting AND #version = :read")
                .expressionAttributeNames(Map.of("#status", STATUS, "#version", VERSION, "#until", ACTIVE_UNTIL,
                        "#activeConcert", ACTIVE_CONCERT_ID))
                .expressionAttributeValues(Map.of(
                        ":active", AttributeValue.fromS(TokenStatus.ACTIVE.name()),
                        ":waiting", AttributeValue.fromS(TokenStatus.WAITING.name()),
                        ":next", number(active.version()),
                        ":read", number(waiting.version()),
                        ":until", QueueItems.instant(active.activeUntil()),
                        ":concert", AttributeValue.fromS(active.concertId())))
                .build()).build();
    }

    private TransactWriteItem burnSlot(String concertId, long seq) {
        return putIfAbsent(QueueItems.burnedSlotItem(concertId, seq));
    }

    private TransactWriteItem stillNotWaiting(QueueToken token) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(table)
                .key(key(QueueItems.tokenKey(token.token())))
                .conditionExpression("#status <> :waiting")
                .expressionAttributeNames(Map.of("#status", STATUS))
                .expressionAttributeValues(Map.of(":waiting", AttributeValue.fromS(TokenStatus.WAITING.name())))
                .build()).build();
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))
                .build()).build();
    }

    private Map<String, AttributeValue> getItem(String pk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                .tableName(table).key(key(pk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int start = 0; start < keys.size(); start += BATCH_GET_KEYS) {
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(start, Math.min(keys.size(), start + BATCH_GET_KEYS)))
                    .consistentRead(true)
                    .build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(request));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }
}

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
import static io.ticketflow.queue.adapter.QueueItems.RESTORED_FOR;
import static io.ticketflow.queue.adapter.QueueItems.STATUS;
import static io.ticketflow.queue.adapter.QueueItems.TOKEN;
import static io.ticketflow.queue.adapter.QueueItems.VERSION;
import static io.ticketflow.queue.adapter.QueueItems.key;
import static io.ticketflow.queue.adapter.QueueItems.number;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.aws.BatchReads;
import io.ticketflow.messaging.Cancellations;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.messaging.TransactionConflict;
import io.ticketflow.queue.domain.ActivationOutcome;
import io.ticketflow.queue.domain.ActivationPlan;
import io.ticketflow.queue.domain.ActivationRate;
import io.ticketflow.queue.domain.LotteryDraw;
import io.ticketflow.queue.domain.CounterShards;
import io.ticketflow.queue.domain.ExpiryReason;
import io.ticketflow.queue.domain.QueueArrivals;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.ReadmissionPlan;
import io.ticketflow.queue.domain.ShardCounter;
import io.ticketflow.queue.domain.ShardLevel;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
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
 * {@code UpdateItem ADD issued 1} on one counter shard that returns its new round, hence the seq
 * ({@link CounterShards}), and the watermark as of the last tick (it fails when the queue is not open, writing
 * nothing), then one transaction with the user's pointer, the token, the seq's slot and the
 * {@code QUEUE_WAITING} event, each put only if absent. A seq whose transaction then fails (the user entered
 * concurrently, the process died) stays without a token: harmless, because the activation burns empty slots.
 * Each instance takes a queue's shards in turn from a random one: its own enters spread to within one round,
 * and a burst of new instances, each entering only a few, does not pile them all onto the same low shards,
 * which would make the rounds' skew (the fairness tolerance) as large as the burst.
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
 *
 * <p><b>Levelling.</b> After the watermark moved, each shard gets it ({@code SET activated} if lower) and a
 * shard whose rounds it passed is raised to them ({@code SET issued} if lower): at most one write per shard.
 */
public final class DynamoDbQueueRepository implements QueueRepository {

    /** Seqs per activation transaction: the counter + up to two items per seq stay within DynamoDB's 100. */
    static final int STEPS_PER_TRANSACTION = 45;
    /** Tokens per expiry transaction: the counter + a token and its event each. */
    static final int EXPIRIES_PER_TRANSACTION = 45;

    private static final System.Logger LOG = System.getLogger(DynamoDbQueueRepository.class.getName());

    private final DynamoDbClient dynamoDb;
    private final BatchReads reads;
    private final String table;
    private final OutboxWriter outbox;
    private final QueueEvents events;
    private final CounterShards newQueueShards;
    /** Per concert, the shard this instance's next enter takes. */
    private final Map<String, AtomicInteger> nextShard = new ConcurrentHashMap<>();
    private final IntUnaryOperator firstShard;

    /**
     * @param tokensTable    physical name of the {@code queue-tokens} table
     * @param outbox         writer to the {@code queue-events} outbox
     * @param newQueueShards the counter shards a queue opened from now on gets; an open queue keeps its own
     */
    public DynamoDbQueueRepository(DynamoDbClient dynamoDb, String tokensTable, OutboxWriter outbox, JsonMapper json,
                                   Clock clock, CounterShards newQueueShards) {
        this(dynamoDb, tokensTable, outbox, json, clock, newQueueShards, count -> ThreadLocalRandom.current().nextInt(count));
    }

    /** @param firstShard given the shard count, the shard this instance's first enter into a queue takes */
    public DynamoDbQueueRepository(DynamoDbClient dynamoDb, String tokensTable, OutboxWriter outbox, JsonMapper json,
                                   Clock clock, CounterShards newQueueShards, IntUnaryOperator firstShard) {
        this.dynamoDb = dynamoDb;
        this.reads = new BatchReads(dynamoDb);
        this.table = tokensTable;
        this.outbox = outbox;
        this.events = new QueueEvents(json, clock);
        this.newQueueShards = newQueueShards;
        this.firstShard = firstShard;
    }

    @Override
    public boolean openQueue(String concertId, Instant opensAt) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(putIfAbsent(QueueItems.openedCounterItem(concertId, newQueueShards, opensAt)));
        for (int shard = 1; shard < newQueueShards.count(); shard++) {
            items.add(putIfAbsent(QueueItems.openedShardItem(concertId, shard, newQueueShards, opensAt)));
        }
        TransactWriteItem registry = TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.REGISTRY_KEY))
                .updateExpression("ADD #ids :id")
                .expressionAttributeNames(Map.of("#ids", CONCERT_IDS))
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(List.of(concertId))))
                .build()).build();
        items.add(registry);
        try {
            outbox.write(items, List.of());
            return true;
        } catch (TransactionConflict alreadyOpenOrClosed) {
            return reopen(concertId);
        }
    }

    /**
     * Takes the closed mark off the counter and every shard; the counter, its tokens and the registry entry
     * stayed while closed. False when the queue was open (not closed) already.
     */
    private boolean reopen(String concertId) {
        return markShards(concertId, "REMOVE #closed", "attribute_exists(#closed)", Map.of()) == MarkOutcome.MARKED;
    }

    @Override
    public CloseOutcome closeQueue(String concertId) {
        return switch (markShards(concertId, "SET #closed = :closed", "attribute_not_exists(#closed)",
                Map.of(":closed", AttributeValue.fromBool(true)))) {
            case MARKED -> CloseOutcome.CLOSED;
            case UNCHANGED -> CloseOutcome.ALREADY_CLOSED;
            case NO_QUEUE -> CloseOutcome.UNKNOWN_CONCERT;
        };
    }

    private enum MarkOutcome { MARKED, UNCHANGED, NO_QUEUE }

    /**
     * Sets or removes the closed mark on the counter and each of its shards in one transaction: an enter checks
     * the mark on the shard it takes a round from, so every shard must carry it. The counter's condition decides.
     */
    private MarkOutcome markShards(String concertId, String update, String counterCondition,
                                   Map<String, AttributeValue> values) {
        return updateEveryShard(concertId, update, counterCondition, Map.of("#closed", CLOSED), values, List.of());
    }

    /**
     * One update of the counter and each of its shards, with the events, in one transaction; the counter's condition
     * decides (every shard only has to exist).
     */
    private MarkOutcome updateEveryShard(String concertId, String update, String counterCondition,
                                         Map<String, String> names, Map<String, AttributeValue> values,
                                         List<EventEnvelope> events) {
        Map<String, AttributeValue> counter = getItem(QueueItems.counterKey(concertId));
        if (counter == null) {
            return MarkOutcome.NO_QUEUE;
        }
        CounterShards layout = QueueItems.shardsOf(counter);
        Map<String, String> withKey = new HashMap<>(names);
        withKey.put("#pk", PK);
        List<TransactWriteItem> items = new ArrayList<>();
        for (int shard = 0; shard < layout.count(); shard++) {
            int current = shard;
            items.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(table)
                    .key(key(QueueItems.shardKey(concertId, current)))
                    .updateExpression(update)
                    .conditionExpression(current == 0 ? "attribute_exists(#pk) AND " + counterCondition : "attribute_exists(#pk)")
                    .expressionAttributeNames(withKey)
                    // DynamoDB refuses an empty map of values
                    .expressionAttributeValues(values.isEmpty() ? null : values)
                    .build()).build());
        }
        try {
            outbox.write(items, events);
            return MarkOutcome.MARKED;
        } catch (TransactionConflict markedAlreadyOrGone) {
            return getItem(QueueItems.counterKey(concertId)) == null ? MarkOutcome.NO_QUEUE : MarkOutcome.UNCHANGED;
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

    /**
     * The counter takes the draw only if it has none (so a retried or concurrent tick cannot draw twice); each shard
     * gets it too, so an enter after the opening knows the pre-queue is ordered without reading the counter.
     */
    @Override
    public boolean drawLottery(String concertId, LotteryDraw draw) {
        return updateEveryShard(concertId, "SET #seed = :seed, #size = :size", "attribute_not_exists(#seed)",
                Map.of("#seed", QueueItems.LOTTERY_SEED, "#size", QueueItems.LOTTERY_SIZE),
                Map.of(":seed", number(draw.seed()), ":size", number(draw.size())),
                List.of(events.lotteryDrawn(concertId, draw))) == MarkOutcome.MARKED;
    }

    @Override
    public void recordRate(String concertId, ActivationRate rate) {
        dynamoDb.updateItem(request -> request
                .tableName(table)
                .key(key(QueueItems.counterKey(concertId)))
                .updateExpression("SET #rate = :rate, #at = :at")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#rate", QueueItems.RATE, "#at", QueueItems.RATE_MEASURED_AT, "#pk", PK))
                .expressionAttributeValues(Map.of(":rate", AttributeValue.fromN(Double.toString(rate.perSecond())),
                        ":at", QueueItems.instant(rate.measuredAt()))));
    }

    @Override
    public void seen(QueueToken token, Instant now) {
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(key(QueueItems.tokenKey(token.token())))
                    .updateExpression("SET #seen = :now")
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#seen) OR #seen < :now)")
                    .expressionAttributeNames(Map.of("#seen", QueueItems.LAST_SEEN_AT, "#pk", PK))
                    .expressionAttributeValues(Map.of(":now", QueueItems.instant(now))));
        } catch (ConditionalCheckFailedException laterPollRecordedAlready) {
            // a concurrent poll recorded a later time: the user is there, which is all this records
        }
    }

    @Override
    public boolean comeBack(QueueToken back) {
        TransactWriteItem inLine = TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.counterKey(back.concertId())))
                .updateExpression("ADD #restored :token")
                .expressionAttributeNames(Map.of("#restored", RESTORED))
                .expressionAttributeValues(Map.of(":token", AttributeValue.fromSs(List.of(back.token()))))
                .build()).build();
        return leaveAbandoned(back, "#seen", QueueItems.LAST_SEEN_AT, QueueItems.instant(back.lastSeenAt()), inLine,
                events.restored(back));
    }

    @Override
    public boolean expireAbandoned(QueueToken expired) {
        return leaveAbandoned(expired, "#status", STATUS, AttributeValue.fromS(TokenStatus.EXPIRED.name()), null,
                events.expired(expired, ExpiryReason.ABANDONED));
    }

    /**
     * An abandoned token's next version, {@code SET <name> = <value>} and the abandoned mark removed, if it is still the
     * abandoned WAITING token read; with {@code counter}'s change (or none) and the event, all or nothing.
     */
    private boolean leaveAbandoned(QueueToken after, String name, String attribute, AttributeValue value,
                                   TransactWriteItem counter, EventEnvelope event) {
        Map<String, String> names = new HashMap<>(Map.of("#version", VERSION, "#abandoned", QueueItems.ABANDONED_AT,
                "#status", STATUS));
        names.put(name, attribute);
        TransactWriteItem token = TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.tokenKey(after.token())))
                .updateExpression("SET #version = :next, " + name + " = :value REMOVE #abandoned")
                .conditionExpression("#status = :waiting AND #version = :read AND attribute_exists(#abandoned)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":next", number(after.version()), ":read", number(after.version() - 1),
                        ":value", value, ":waiting", AttributeValue.fromS(TokenStatus.WAITING.name())))
                .build()).build();
        try {
            outbox.write(counter == null ? List.of(token) : List.of(token, counter), List.of(event));
            return true;
        } catch (TransactionConflict changed) {
            return false;
        }
    }

    @Override
    public Optional<QueueCounter> findCounter(String concertId) {
        return Optional.ofNullable(getItem(QueueItems.counterKey(concertId))).map(QueueItems::counter);
    }

    @Override
    public Optional<QueueArrivals> findArrivals(String concertId) {
        Map<String, AttributeValue> item = getItem(QueueItems.counterKey(concertId));
        if (item == null) {
            return Optional.empty();
        }
        QueueCounter counter = QueueItems.counter(item);
        CounterShards layout = QueueItems.shardsOf(item);
        List<ShardCounter> shards = new ArrayList<>();
        shards.add(new ShardCounter(0, QueueItems.longOf(item, ISSUED), counter.activated()));
        List<Map<String, AttributeValue>> shardKeys = new ArrayList<>();
        for (int shard = 1; shard < layout.count(); shard++) {
            shardKeys.add(key(QueueItems.shardKey(concertId, shard)));
        }
        for (Map<String, AttributeValue> shard : reads.consistent(table, shardKeys)) {
            String pk = shard.get(PK).s();
            shards.add(QueueItems.shardCounter(Integer.parseInt(pk.substring(pk.lastIndexOf('#') + 1)), shard));
        }
        return Optional.of(QueueArrivals.of(counter, layout, shards));
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
        int shard = Math.floorMod(nextShard.computeIfAbsent(concertId,
                id -> new AtomicInteger(firstShard.applyAsInt(newQueueShards.count()))).getAndIncrement(), newQueueShards.count());
        Optional<QueueCounter> reserved = takeRound(concertId, shard);
        // a queue opened with fewer shards than configured now has no such shard; shard 0 exists while it is open
        return reserved.isPresent() || shard == 0 ? reserved : takeRound(concertId, 0);
    }

    private Optional<QueueCounter> takeRound(String concertId, int shard) {
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(key(QueueItems.shardKey(concertId, shard)))
                    .updateExpression("ADD #issued :one")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#closed)")
                    .expressionAttributeNames(Map.of("#issued", ISSUED, "#pk", PK, "#closed", CLOSED))
                    .expressionAttributeValues(Map.of(":one", number(1)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            CounterShards shards = QueueItems.shardsOf(item);
            long seq = shards.seqOf(shard, QueueItems.longOf(item, ISSUED));
            long activeCount = item.containsKey(ACTIVE_COUNT) ? QueueItems.longOf(item, ACTIVE_COUNT) : 0;
            return Optional.of(new QueueCounter(concertId, seq, QueueItems.longOf(item, ACTIVATED), activeCount, Set.of(),
                    false, QueueItems.instantOf(item, QueueItems.OPENS_AT), QueueItems.lotteryOf(item), ActivationRate.UNMEASURED));
        } catch (ConditionalCheckFailedException notOpenOrClosed) {
            return Optional.empty();
        }
    }

    @Override
    public void level(String concertId, List<ShardLevel> changes) {
        for (ShardLevel change : changes) {
            if (change.behind() && change.shard() == 0) {
                raiseIfLower(concertId, change, "SET #issued = :rounds", "#issued < :rounds");
            } else if (change.behind()) {
                // an enter may have taken the rounds meanwhile: then only the watermark is still to write
                if (!raiseIfLower(concertId, change, "SET #issued = :rounds, #activated = :watermark",
                        "#issued < :rounds AND #activated < :watermark")) {
                    raiseIfLower(concertId, change, "SET #activated = :watermark", "#activated < :watermark");
                }
            } else if (change.shard() != 0) {
                raiseIfLower(concertId, change, "SET #activated = :watermark", "#activated < :watermark");
            }
        }
    }

    /** One shard's update under its condition; false when the condition did not hold (nothing written then). */
    private boolean raiseIfLower(String concertId, ShardLevel change, String update, String condition) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        if (update.contains("#issued")) {
            names.put("#issued", ISSUED);
            values.put(":rounds", number(change.passedRounds()));
        }
        if (update.contains("#activated")) {
            names.put("#activated", ACTIVATED);
            values.put(":watermark", number(change.watermark()));
        }
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(key(QueueItems.shardKey(concertId, change.shard())))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
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
        } catch (TransactionCanceledException cancelled) {
            // another transaction held one of the items (the same user entering twice at once): try again;
            // throttling was waited out by the outbox writer, and anything else is a fault, not a busy queue
            Cancellations.rethrowUnlessContended(cancelled);
            return InsertOutcome.CONTENDED;
        }
    }

    @Override
    public Map<Long, QueueToken> tokensAt(String concertId, List<Long> seqs) {
        List<Map<String, AttributeValue>> slotKeys = new ArrayList<>();
        for (long seq : seqs) {
            slotKeys.add(key(QueueItems.seqKey(concertId, seq)));
        }
        List<Map<String, AttributeValue>> tokenKeys = reads.consistent(table, slotKeys).stream()
                .filter(slot -> !slot.containsKey(BURNED))
                .map(slot -> key(QueueItems.tokenKey(slot.get(TOKEN).s())))
                .toList();
        Map<Long, QueueToken> bySeq = new HashMap<>();
        reads.consistent(table, tokenKeys).stream().map(QueueItems::token).forEach(token -> bySeq.put(token.seq(), token));
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
            List<EventEnvelope> written = new ArrayList<>(activations.stream().map(events::activated).toList());
            part.abandonments().forEach(token -> written.add(events.abandoned(token)));
            try {
                outbox.write(changes, written);
                admitted.addAll(activations);
                watermark = part.toWatermark();
            } catch (TransactionConflict | TransactionCanceledException stale) {
                // another tick moved the watermark, an enter filled a slot, or the active bound was reached:
                // what this tick read is out of date, and the next tick plans again from fresh reads
                rethrowUnlessStale(stale);
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
        reads.consistent(table, tokens.stream().map(token -> key(QueueItems.tokenKey(token))).toList()).stream()
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
                rethrowUnlessStale(stale);
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
                        rethrowUnlessStale(again);
                        LOG.log(System.Logger.Level.INFO, "expiry part left to the next tick: " + again.getMessage());
                    }
                }
            } catch (TransactionCanceledException contended) {
                Cancellations.rethrowUnlessContended(contended);
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
                Map.of(), events.expired(expired, reason), null);
    }

    @Override
    public boolean restore(QueueToken restored, String reservationId) {
        return leaveActive(restored, "SET #status = :status, #version = :next REMOVE #activeConcert, #until",
                Map.of("#until", ACTIVE_UNTIL), events.restored(restored), reservationId);
    }

    @Override
    public boolean restoredFor(String token, String reservationId) {
        Map<String, AttributeValue> item = getItem(QueueItems.tokenKey(token));
        return item != null && item.containsKey(RESTORED_FOR) && item.get(RESTORED_FOR).ss().contains(reservationId);
    }

    /**
     * One ACTIVE token to {@code after}'s status, with its event, giving its active place back; false if it changed.
     *
     * @param restoredFor the reservation a restore undoes the payment of; null for an expiry
     */
    private boolean leaveActive(QueueToken after, String update, Map<String, String> extraNames, EventEnvelope event,
                                String restoredFor) {
        boolean restored = restoredFor != null;
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS, "#version", VERSION,
                "#activeConcert", ACTIVE_CONCERT_ID));
        names.putAll(extraNames);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":status", AttributeValue.fromS(after.status().name()),
                ":active", AttributeValue.fromS(TokenStatus.ACTIVE.name()),
                ":next", number(after.version()),
                ":read", number(after.version() - 1)));
        String condition = "#status = :active AND #version = :read";
        if (restored) {
            // once per reservation: re-admitted later, the token is ACTIVE again, and a repeated restore must not see it
            update += " ADD #restoredFor :reservations";
            condition += " AND NOT contains(#restoredFor, :reservation)";
            names.put("#restoredFor", RESTORED_FOR);
            values.put(":reservations", AttributeValue.fromSs(List.of(restoredFor)));
            values.put(":reservation", AttributeValue.fromS(restoredFor));
        }
        TransactWriteItem token = TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.tokenKey(after.token())))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
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

    /** A failed condition or a race means what was read is out of date; any other cancellation is a fault. */
    private static void rethrowUnlessStale(RuntimeException failed) {
        if (failed instanceof TransactionCanceledException cancelled) {
            Cancellations.rethrowUnlessContended(cancelled);
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
        if (step instanceof ActivationPlan.Abandon abandon) {
            return passOver(abandon.waiting(), abandon.abandoned());
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

    /** Marks a waiting token abandoned, if it is still WAITING at the version read (a poll does not change it). */
    private TransactWriteItem passOver(QueueToken waiting, QueueToken abandoned) {
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(key(QueueItems.tokenKey(abandoned.token())))
                .updateExpression("SET #abandoned = :at, #version = :next")
                .conditionExpression("#status = :waiting AND #version = :read")
                .expressionAttributeNames(Map.of("#status", STATUS, "#version", VERSION, "#abandoned", QueueItems.ABANDONED_AT))
                .expressionAttributeValues(Map.of(
                        ":waiting", AttributeValue.fromS(TokenStatus.WAITING.name()),
                        ":next", number(abandoned.version()),
                        ":read", number(waiting.version()),
                        ":at", QueueItems.instant(abandoned.abandonedAt())))
                .build()).build();
    }

    private TransactWriteItem burnSlot(String concertId, long seq) {
        return putIfAbsent(QueueItems.burnedSlotItem(concertId, seq));
    }

    private TransactWriteItem stillNotWaiting(QueueToken token) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(table)
                .key(key(QueueItems.tokenKey(token.token())))
                // an abandoned token waits behind the watermark, never ahead of it; passing it again changes nothing
                .conditionExpression("#status <> :waiting OR attribute_exists(#abandoned)")
                .expressionAttributeNames(Map.of("#status", STATUS, "#abandoned", QueueItems.ABANDONED_AT))
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
}

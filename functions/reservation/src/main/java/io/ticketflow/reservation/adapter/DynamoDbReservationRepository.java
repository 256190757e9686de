package io.ticketflow.reservation.adapter;

import static io.ticketflow.reservation.adapter.ReservationItems.EXPIRES_AT;
import static io.ticketflow.reservation.adapter.ReservationItems.HELD_SEATS;
import static io.ticketflow.reservation.adapter.ReservationItems.HOLDER_ID;
import static io.ticketflow.reservation.adapter.ReservationItems.HOLD_EXPIRES_AT;
import static io.ticketflow.reservation.adapter.ReservationItems.LOCK_ID;
import static io.ticketflow.reservation.adapter.ReservationItems.PENDING_BUCKET;
import static io.ticketflow.reservation.adapter.ReservationItems.RESERVATION_ID;
import static io.ticketflow.reservation.adapter.ReservationItems.STATUS;
import static io.ticketflow.reservation.adapter.ReservationItems.VERSION;
import static io.ticketflow.reservation.adapter.ReservationItems.instant;
import static io.ticketflow.reservation.adapter.ReservationItems.number;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.SeatBlocks;
import io.ticketflow.kernel.aws.BatchReads;
import io.ticketflow.messaging.Cancellations;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.messaging.TransactionConflict;
import io.ticketflow.reservation.domain.CancelReason;
import io.ticketflow.reservation.domain.FairShare;
import io.ticketflow.reservation.domain.HoldPolicy;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationRepository;
import io.ticketflow.reservation.domain.ReservationStatus;
import io.ticketflow.reservation.domain.ScheduleInventory;
import io.ticketflow.reservation.domain.Seat;
import io.ticketflow.reservation.domain.SeatLock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reservations on DynamoDB (layout: {@link ReservationItems}); every change goes through the {@link OutboxWriter}
 * with its event, in one transaction.
 *
 * <p><b>Never oversell.</b> A hold puts one lock item per seat with the condition
 * {@code attribute_not_exists(lockId) OR (status = HELD AND holdExpiresAt <= :now)}: a seat is free when it has no
 * lock or only a hold that has ended — the sweeper need not have run — and a SOLD lock never expires. The locks,
 * the reservation (put if absent) and RESERVATION_CREATED are one transaction, so a hold takes all its seats or
 * none, and two holds of one seat cannot both commit.
 *
 * <p><b>No hoarding</b> (issue #12). The same transaction puts the queue token's item
 * ({@code attribute_not_exists OR holdExpiresAt <= :now}: one running hold per token, as a seat lock is one per
 * seat) and raises the user's seat count for the concert by the seats held, on the condition that it stays within
 * the cap. A confirmed booking keeps its seats counted; every release (cancel, expiry, the saga's ReleaseSeats, a
 * booking's cancellation) lowers the count in the transaction that releases, and deletes the token's item if it is
 * still its own. A hold that lapsed counts until one of those releases it: the saga does at the hold's end, the
 * sweeper within its period.
 *
 * <p><b>Release.</b> Cancel and expiry move the reservation out of PENDING on the condition that it is still
 * PENDING at the version read (and, for expiry, past its end; for a cancel, not yet), delete the locks still its
 * own (condition {@code reservationId = :id AND status = HELD}: a lock taken over after the hold ended belongs to
 * someone else now) and write the event, all in one transaction. So of two racing sweeps, or a sweep racing a
 * cancel, exactly one writes and emits.
 */
public final class DynamoDbReservationRepository implements ReservationRepository {

    /** A lock taken over between our read and our release only means reading the locks again. */
    static final int RELEASE_ATTEMPTS = 3;
    private static final System.Logger LOG = System.getLogger(DynamoDbReservationRepository.class.getName());

    private final DynamoDbClient dynamoDb;
    private final BatchReads reads;
    private final String locksTable;
    private final String reservationsTable;
    private final String inventoryTable;
    private final String holdersTable;
    private final HoldPolicy policy;
    private final OutboxWriter outbox;
    private final ReservationEvents events;

    /**
     * Table names are physical; the outbox writes to {@code reservation-events}.
     *
     * @param policy the cap of seats per user that a hold is checked against
     */
    public DynamoDbReservationRepository(DynamoDbClient dynamoDb, String locksTable, String reservationsTable,
                                         String inventoryTable, String holdersTable, HoldPolicy policy,
                                         OutboxWriter outbox, JsonMapper json, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.reads = new BatchReads(dynamoDb);
        this.locksTable = locksTable;
        this.reservationsTable = reservationsTable;
        this.inventoryTable = inventoryTable;
        this.holdersTable = holdersTable;
        this.policy = policy;
        this.outbox = outbox;
        this.events = new ReservationEvents(json, clock);
    }

    /**
     * The repository on the Reservation service's catalogue tables.
     *
     * @param physicalName the deployment's physical name of a logical table
     */
    public static DynamoDbReservationRepository onTables(DynamoDbClient dynamoDb, Function<String, String> physicalName,
                                                         HoldPolicy policy, JsonMapper json, Clock clock) {
        return new DynamoDbReservationRepository(dynamoDb,
                physicalName.apply(ReservationResources.SEAT_LOCKS_TABLE),
                physicalName.apply(ReservationResources.RESERVATIONS_TABLE),
                physicalName.apply(ReservationResources.SEAT_INVENTORY_TABLE),
                physicalName.apply(ReservationResources.HOLDERS_TABLE),
                policy,
                new OutboxWriter(dynamoDb, physicalName.apply(ReservationResources.EVENTS_TABLE), json),
                json, clock);
    }

    /** One BatchGetItem: the header and the blocks of the seats (at most a hold's few), whatever the hall. */
    @Override
    public Optional<ScheduleInventory> inventory(String scheduleId, Collection<Integer> seatNos) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(ReservationItems.inventoryKey(scheduleId, ReservationItems.HEADER_BLOCK));
        SeatBlocks.blocksOf(seatNos).forEach(block -> keys.add(ReservationItems.inventoryKey(scheduleId, block)));
        List<Map<String, AttributeValue>> items = reads.consistent(inventoryTable, keys);
        return items.stream().filter(ReservationItems::isInventoryHeader).findFirst()
                .map(header -> ReservationItems.inventory(header, items));
    }

    /** Every seat of the schedule: a Query of all its blocks, for tools and tests that check every seat. */
    public Optional<ScheduleInventory> wholeInventory(String scheduleId) {
        List<Map<String, AttributeValue>> items = dynamoDb.queryPaginator(request -> request.tableName(inventoryTable)
                        .keyConditionExpression("#schedule = :schedule")
                        .expressionAttributeNames(Map.of("#schedule", ReservationItems.SCHEDULE_ID))
                        .expressionAttributeValues(Map.of(":schedule", AttributeValue.fromS(scheduleId)))
                        .consistentRead(true))
                .items().stream().toList();
        return items.stream().filter(ReservationItems::isInventoryHeader).findFirst()
                .map(header -> ReservationItems.inventory(header, items));
    }

    @Override
    public Optional<Reservation> find(String reservationId) {
        return Optional.ofNullable(getItem(reservationsTable, ReservationItems.reservationKey(reservationId)))
                .map(ReservationItems::reservation);
    }

    @Override
    public void hold(Reservation pending, Instant now) {
        List<TransactWriteItem> changes = new ArrayList<>();
        for (Seat seat : pending.seats()) {
            changes.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(locksTable)
                    .item(ReservationItems.heldLockItem(pending, seat.seatNo()))
                    .conditionExpression("attribute_not_exists(#lockId) OR (#status = :held AND #holdExpiresAt <= :now)")
                    .expressionAttributeNames(Map.of("#lockId", LOCK_ID, "#status", STATUS, "#holdExpiresAt", HOLD_EXPIRES_AT))
                    .expressionAttributeValues(Map.of(
                            ":held", AttributeValue.fromS(SeatLock.Status.HELD.name()),
                            ":now", instant(now)))
                    .build()).build());
        }
        changes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(reservationsTable)
                .item(ReservationItems.reservationItem(pending))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", RESERVATION_ID))
                .build()).build());
        changes.add(takeToken(pending, now));
        changes.add(countSeats(pending));
        try {
            outbox.write(changes, List.of(events.created(pending)));
        } catch (TransactionConflict refused) {
            List<CancellationReason> reasons = refused.getCause() instanceof TransactionCanceledException cancelled
                    && cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
            throw refusal(pending, refused.failedItemIndexes(), reasons, refused);
        } catch (TransactionCanceledException contended) {
            // on DynamoDB a concurrent transaction on the same item cancels ours with TransactionConflict: the seat
            // is being taken by someone else right now, which the caller sees as unavailable; the token's item, as
            // another hold of this token being made. One on the user's count alone says nothing about the cap (the
            // same user holding with another token at this moment), so that one is rethrown, not refused.
            int userIndex = pending.seats().size() + 2;
            throw refusal(pending, Cancellations.contendedItems(contended).stream().filter(i -> i != userIndex).toList(),
                    List.of(), contended);
        }
    }

    @Override
    public boolean release(Reservation changed, CancelReason reason, Instant now) {
        EventEnvelope event = switch (changed.status()) {
            case CANCELLED -> events.cancelled(changed, reason);
            case EXPIRED -> events.expired(changed);
            default -> throw new IllegalArgumentException("release does not lead to " + changed.status());
        };
        // a booking's cancellation saga, or its failed capture, releases a CONFIRMED reservation: its locks are SOLD
        boolean confirmationUndone = reason != null && reason.undoesConfirmation();
        SeatLock.Status ownStatus = confirmationUndone ? SeatLock.Status.SOLD : SeatLock.Status.HELD;
        for (int attempt = 1; attempt <= RELEASE_ATTEMPTS; attempt++) {
            List<SeatLock> ownLocks = locksOf(changed.scheduleId(), changed.seatNos()).stream()
                    .filter(lock -> lock.reservationId().equals(changed.reservationId()) && lock.status() == ownStatus)
                    .toList();
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(confirmationUndone ? leaveConfirmed(changed) : leavePending(changed, now));
            ownLocks.forEach(lock -> items.add(deleteOwnLock(lock)));
            ownTokenHold(changed).ifPresent(items::add);
            items.add(giveSeatsBack(changed));
            try {
                outbox.write(items, List.of(event));
                return true;
            } catch (TransactionConflict conflict) {
                if (conflict.failedItemIndexes().contains(0) || conflict.failedItemIndexes().contains(items.size())) {
                    return false;
                }
                LOG.log(System.Logger.Level.INFO, "locks of " + changed.reservationId() + " changed meanwhile; reading them again");
            } catch (TransactionCanceledException contended) {
                Cancellations.rethrowUnlessContended(contended);
                LOG.log(System.Logger.Level.INFO, "release of " + changed.reservationId() + " contended: " + contended.getMessage());
            }
        }
        return false;
    }

    @Override
    public boolean confirm(Reservation confirmed, String paymentId, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(reservationsTable)
                .key(ReservationItems.reservationKey(confirmed.reservationId()))
                .updateExpression("SET #status = :to, #version = :next, #payment = :payment REMOVE #bucket")
                .conditionExpression("#status = :pending AND #version = :read AND #expiresAt > :now")
                .expressionAttributeNames(Map.of("#status", STATUS, "#version", VERSION, "#expiresAt", EXPIRES_AT,
                        "#bucket", PENDING_BUCKET, "#payment", ReservationItems.PAYMENT_ID))
                .expressionAttributeValues(Map.of(
                        ":to", AttributeValue.fromS(ReservationStatus.CONFIRMED.name()),
                        ":pending", AttributeValue.fromS(ReservationStatus.PENDING.name()),
                        ":next", number(confirmed.version()),
                        ":read", number(confirmed.version() - 1),
                        ":payment", AttributeValue.fromS(paymentId),
                        ":now", instant(now)))
                .build()).build());
        for (int seatNo : confirmed.seatNos()) {
            // sold seats never expire: the lock loses its end, and only its own hold may be sold
            items.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(locksTable)
                    .key(ReservationItems.lockKey(confirmed.scheduleId(), seatNo))
                    .updateExpression("SET #status = :sold REMOVE #holdExpiresAt")
                    .conditionExpression("#reservation = :reservation AND #status = :held")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#holdExpiresAt", HOLD_EXPIRES_AT,
                            "#reservation", RESERVATION_ID))
                    .expressionAttributeValues(Map.of(
                            ":sold", AttributeValue.fromS(SeatLock.Status.SOLD.name()),
                            ":held", AttributeValue.fromS(SeatLock.Status.HELD.name()),
                            ":reservation", AttributeValue.fromS(confirmed.reservationId())))
                    .build()).build());
        }
        try {
            outbox.write(items, List.of(events.confirmed(confirmed, paymentId)));
            return true;
        } catch (TransactionConflict changed) {
            LOG.log(System.Logger.Level.INFO, "confirmation of " + confirmed.reservationId() + " refused: " + changed.getMessage());
            return false;
        } catch (TransactionCanceledException contended) {
            Cancellations.rethrowUnlessContended(contended);
            LOG.log(System.Logger.Level.INFO, "confirmation of " + confirmed.reservationId() + " contended: " + contended.getMessage());
            return false;
        }
    }

    @Override
    public List<Reservation> pendingEndedBefore(Instant now, int limit) {
        List<Reservation> due = new ArrayList<>();
        for (String bucket : ReservationItems.pendingBuckets()) {
            // the index is eventually consistent: the release re-checks status, version and end in its condition
            dynamoDb.query(request -> request
                            .tableName(reservationsTable)
                            .indexName(ReservationResources.PENDING_BY_EXPIRY_INDEX)
                            .keyConditionExpression("#bucket = :bucket AND #expiresAt <= :now")
                            .expressionAttributeNames(Map.of("#bucket", PENDING_BUCKET, "#expiresAt", EXPIRES_AT))
                            .expressionAttributeValues(Map.of(":bucket", AttributeValue.fromS(bucket), ":now", instant(now)))
                            .limit(limit))
                    .items().stream().map(ReservationItems::reservation).forEach(due::add);
        }
        return due.stream().sorted(Comparator.comparing(Reservation::expiresAt)).limit(limit).toList();
    }

    @Override
    public List<Reservation> pending(int limit) {
        List<Reservation> pending = new ArrayList<>();
        for (String bucket : ReservationItems.pendingBuckets()) {
            dynamoDb.queryPaginator(request -> request
                            .tableName(reservationsTable)
                            .indexName(ReservationResources.PENDING_BY_EXPIRY_INDEX)
                            .keyConditionExpression("#bucket = :bucket")
                            .expressionAttributeNames(Map.of("#bucket", PENDING_BUCKET))
                            .expressionAttributeValues(Map.of(":bucket", AttributeValue.fromS(bucket))))
                    .items().stream().limit(limit).map(ReservationItems::reservation).forEach(pending::add);
        }
        return pending.stream().sorted(Comparator.comparing(Reservation::expiresAt)).limit(limit).toList();
    }

    @Override
    public List<SeatLock> seatLocks(String scheduleId) {
        return wholeInventory(scheduleId)
                .map(schedule -> locksOf(scheduleId, schedule.allSeats().stream().map(Seat::seatNo).toList()))
                .orElse(List.of());
    }

    private List<SeatLock> locksOf(String scheduleId, List<Integer> seatNos) {
        List<Map<String, AttributeValue>> keys = seatNos.stream().map(seatNo -> ReservationItems.lockKey(scheduleId, seatNo)).toList();
        return reads.consistent(locksTable, keys).stream()
                .map(ReservationItems::lock)
                .sorted(Comparator.comparingInt(SeatLock::seatNo))
                .toList();
    }

    private TransactWriteItem leavePending(Reservation changed, Instant now) {
        String condition = "#status = :pending AND #version = :read AND "
                + (changed.status() == ReservationStatus.EXPIRED ? "#expiresAt <= :now" : "#expiresAt > :now");
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(reservationsTable)
                .key(ReservationItems.reservationKey(changed.reservationId()))
                .updateExpression("SET #status = :to, #version = :next REMOVE #bucket")
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#status", STATUS, "#version", VERSION, "#expiresAt", EXPIRES_AT,
                        "#bucket", PENDING_BUCKET))
                .expressionAttributeValues(Map.of(
                        ":to", AttributeValue.fromS(changed.status().name()),
                        ":pending", AttributeValue.fromS(ReservationStatus.PENDING.name()),
                        ":next", number(changed.version()),
                        ":read", number(changed.version() - 1),
                        ":now", instant(now)))
                .build()).build();
    }

    private TransactWriteItem leaveConfirmed(Reservation cancelled) {
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(reservationsTable)
                .key(ReservationItems.reservationKey(cancelled.reservationId()))
                .updateExpression("SET #status = :to, #version = :next")
                .conditionExpression("#status = :confirmed AND #version = :read")
                .expressionAttributeNames(Map.of("#status", STATUS, "#version", VERSION))
                .expressionAttributeValues(Map.of(
                        ":to", AttributeValue.fromS(cancelled.status().name()),
                        ":confirmed", AttributeValue.fromS(ReservationStatus.CONFIRMED.name()),
                        ":next", number(cancelled.version()),
                        ":read", number(cancelled.version() - 1)))
                .build()).build();
    }

    /** The token's one running hold: taken unless another hold of the token is still running. */
    private TransactWriteItem takeToken(Reservation pending, Instant now) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(holdersTable)
                .item(ReservationItems.tokenHoldItem(pending))
                .conditionExpression("attribute_not_exists(#holder) OR #holdExpiresAt <= :now")
                .expressionAttributeNames(Map.of("#holder", HOLDER_ID, "#holdExpiresAt", HOLD_EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", instant(now)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /** The user's seats of the concert go up by the hold's, unless that passes the cap. */
    private TransactWriteItem countSeats(Reservation pending) {
        int seats = pending.seats().size();
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(holdersTable)
                .key(ReservationItems.userSeatsKey(pending.userId(), pending.concertId()))
                .updateExpression("ADD #held :seats")
                .conditionExpression("attribute_not_exists(#held) OR #held <= :room")
                .expressionAttributeNames(Map.of("#held", HELD_SEATS))
                .expressionAttributeValues(Map.of(":seats", number(seats), ":room", number(policy.seatsPerUser() - seats)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /** Frees the token for its next hold, unless a later hold took it over after this one lapsed. */
    private Optional<TransactWriteItem> ownTokenHold(Reservation changed) {
        Map<String, AttributeValue> key = ReservationItems.tokenHolderKey(changed.queueToken());
        Map<String, AttributeValue> item = getItem(holdersTable, key);
        if (item == null || !changed.reservationId().equals(item.get(RESERVATION_ID).s())) {
            return Optional.empty();
        }
        return Optional.of(TransactWriteItem.builder().delete(Delete.builder()
                .tableName(holdersTable)
                .key(key)
                .conditionExpression("#reservation = :reservation")
                .expressionAttributeNames(Map.of("#reservation", RESERVATION_ID))
                .expressionAttributeValues(Map.of(":reservation", AttributeValue.fromS(changed.reservationId())))
                .build()).build());
    }

    private TransactWriteItem giveSeatsBack(Reservation changed) {
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(holdersTable)
                .key(ReservationItems.userSeatsKey(changed.userId(), changed.concertId()))
                .updateExpression("ADD #held :seats")
                .expressionAttributeNames(Map.of("#held", HELD_SEATS))
                .expressionAttributeValues(Map.of(":seats", number(-changed.seats().size())))
                .build()).build();
    }

    private TransactWriteItem deleteOwnLock(SeatLock lock) {
        return TransactWriteItem.builder().delete(Delete.builder()
                .tableName(locksTable)
                .key(ReservationItems.lockKey(lock.scheduleId(), lock.seatNo()))
                .conditionExpression("#reservation = :reservation AND #status = :own")
                .expressionAttributeNames(Map.of("#reservation", RESERVATION_ID, "#status", STATUS))
                .expressionAttributeValues(Map.of(
                        ":reservation", AttributeValue.fromS(lock.reservationId()),
                        ":own", AttributeValue.fromS(lock.status().name())))
                .build()).build();
    }

    /**
     * Why a hold was refused, from the items whose conditions failed (locks first, then the reservation, the
     * token's item, the user's count): the token's own running hold before the user's cap, both before seats
     * someone else holds, because those are what the caller can act on. A failure elsewhere (a reused id) is none
     * of these and is rethrown.
     *
     * @param reasons the cancellation reasons, with the old items, when the store gave them
     */
    private RuntimeException refusal(Reservation pending, List<Integer> failedIndexes, List<CancellationReason> reasons,
                                     RuntimeException cause) {
        int seats = pending.seats().size();
        int tokenIndex = seats + 1;
        int userIndex = seats + 2;
        if (failedIndexes.contains(tokenIndex)) {
            return FairShare.holdAlreadyPending(pending.queueToken(), oldAttribute(reasons, tokenIndex, RESERVATION_ID)
                    .map(AttributeValue::s).orElse(null));
        }
        if (failedIndexes.contains(userIndex)) {
            return FairShare.seatLimitReached(pending.concertId(), seats, oldAttribute(reasons, userIndex, HELD_SEATS)
                    .map(held -> Integer.parseInt(held.n())).orElse(-1), policy);
        }
        List<Integer> seatNos = failedIndexes.stream()
                .filter(i -> i < seats)
                .map(i -> pending.seats().get(i).seatNo())
                .toList();
        if (seatNos.isEmpty()) {
            throw cause;
        }
        return new SeatsUnavailable(seatNos);
    }

    @Override
    public Optional<String> stuckReport(String reservationId, String executionArn) {
        return Optional.ofNullable(getItem(reservationsTable, ReservationItems.reservationKey(reservationId)))
                .map(item -> item.get(ReservationItems.STUCK_REPORT))
                .filter(report -> executionArn.equals(report.m().get("executionArn").s()))
                .map(report -> report.m().get("messageId").s());
    }

    @Override
    public void rememberStuckReport(String reservationId, String executionArn, String messageId) {
        try {
            dynamoDb.updateItem(request -> request.tableName(reservationsTable)
                    .key(ReservationItems.reservationKey(reservationId))
                    .updateExpression("SET #report = :report")
                    .conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of("#report", ReservationItems.STUCK_REPORT, "#id", RESERVATION_ID))
                    .expressionAttributeValues(Map.of(":report", AttributeValue.fromM(Map.of(
                            "executionArn", AttributeValue.fromS(executionArn),
                            "messageId", AttributeValue.fromS(messageId))))));
        } catch (ConditionalCheckFailedException unknownReservation) {
            // no reservation to remember it on: a repeat reports again, which an operator's queue can bear
        }
    }

    private static Optional<AttributeValue> oldAttribute(List<CancellationReason> reasons, int index, String attribute) {
        return index < reasons.size() && reasons.get(index).hasItem()
                ? Optional.ofNullable(reasons.get(index).item().get(attribute)) : Optional.empty();
    }

    private Map<String, AttributeValue> getItem(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }
}

package io.ticketflow.concert.adapter;

import static io.ticketflow.concert.adapter.SeatMapItems.PK;
import static io.ticketflow.concert.adapter.SeatMapItems.SEQUENCE;
import static io.ticketflow.concert.adapter.SeatMapItems.VERSION;
import static io.ticketflow.concert.adapter.SeatMapItems.number;

import io.ticketflow.concert.domain.BlockChange;
import io.ticketflow.concert.domain.SeatBlock;
import io.ticketflow.concert.domain.SeatBlockState;
import io.ticketflow.concert.domain.SeatMap;
import io.ticketflow.concert.domain.SeatMapStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The seat maps on DynamoDB (layout: {@link SeatMapItems}): blocks of up to 100 seats under the schedule's
 * partition, read with one Query, and each reservation's last applied sequence in an item of its own.
 */
public final class DynamoDbSeatMapStore implements SeatMapStore, SeatBlockState {

    private final DynamoDbClient dynamoDb;
    private final String table;

    /** @param seatMapsTable physical name of {@code concert-seat-maps} */
    public DynamoDbSeatMapStore(DynamoDbClient dynamoDb, String seatMapsTable) {
        this.dynamoDb = dynamoDb;
        this.table = seatMapsTable;
    }

    /**
     * An eventually consistent Query of the schedule's blocks (the seat map is a read model, cached for a second
     * anyway), without the applied history, which display does not need.
     */
    @Override
    public Optional<SeatMap> find(String scheduleId) {
        List<SeatBlock> blocks = blocks(scheduleId, false);
        return blocks.isEmpty() ? Optional.empty()
                : Optional.of(SeatMap.of(scheduleId, blocks.get(0).concertId(), blocks, Map.of()));
    }

    /**
     * The whole projection, strongly consistent, with every reservation's applied sequence. Those live in
     * partitions of their own, so this scans the table: for the replay and tests, never a request path.
     */
    public Optional<SeatMap> findWithHistory(String scheduleId) {
        List<SeatBlock> blocks = blocks(scheduleId, true);
        return blocks.isEmpty() ? Optional.empty()
                : Optional.of(SeatMap.of(scheduleId, blocks.get(0).concertId(), blocks, appliedSequences(scheduleId)));
    }

    @Override
    public Long lastApplied(String scheduleId, String reservationId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table)
                .key(SeatMapItems.appliedKey(scheduleId, reservationId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : SeatMapItems.sequence(item);
    }

    /** Strongly consistent reads (one GetItem per block: a change has at most two), for read-modify-write. */
    @Override
    public Map<Integer, SeatBlock> blocks(String scheduleId, Set<Integer> blockNos) {
        Map<Integer, SeatBlock> blocks = new TreeMap<>();
        for (int blockNo : blockNos) {
            Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table)
                    .key(SeatMapItems.blockKey(scheduleId, blockNo)).consistentRead(true)).item();
            if (item != null && !item.isEmpty()) {
                blocks.put(blockNo, SeatMapItems.block(item));
            }
        }
        return blocks;
    }

    /** A put of a new schedule's first block, refused when the schedule has one already (another concert's). */
    TransactWriteItem createFirstBlock(SeatMap published) {
        return TransactWriteItem.builder().put(createPut(published.blocks(1).get(0))).build();
    }

    /**
     * Writes a just-published seat map's blocks, each only if absent: publishing again (after a crash halfway)
     * fills in what is missing and changes nothing else. Outside the catalogue's transaction, which a stadium's
     * hundreds of blocks would overflow (100 items).
     */
    void createMissingBlocks(SeatMap published) {
        for (SeatBlock block : published.blocks(1)) {
            try {
                dynamoDb.putItem(request -> request.tableName(table).item(SeatMapItems.toItem(block))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PK)));
            } catch (ConditionalCheckFailedException alreadyThere) {
                // written by an earlier publish of this concert: a projection may have changed it since, keep it
            }
        }
    }

    /**
     * The writes of one projected event: each changed block as the version after the one read, only if still at
     * that version, and the reservation's applied sequence, only if no newer one was stored meanwhile. A concurrent
     * projector makes a condition fail instead of being overwritten.
     *
     * @param expiresAt when the applied sequence may go: once no redelivery of the reservation's events can come
     */
    public List<TransactWriteItem> writes(String scheduleId, BlockChange change, Instant expiresAt) {
        List<TransactWriteItem> writes = new ArrayList<>();
        change.changedBlocks().forEach(block -> writes.add(TransactWriteItem.builder().put(versionedPut(block, block.version())).build()));
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(SeatMapItems.appliedItem(scheduleId, change.reservationId(), change.appliedSequence(), expiresAt))
                .conditionExpression("attribute_not_exists(#pk) OR #sequence < :sequence")
                .expressionAttributeNames(Map.of("#pk", PK, "#sequence", SEQUENCE))
                .expressionAttributeValues(Map.of(":sequence", number(change.appliedSequence())))
                .build()).build());
        return writes;
    }

    /**
     * Overwrites the stored projection with {@code rebuilt} (the replay's): each block that differs, under its version
     * condition, and the applied sequences, removing those the rebuilt map does not have.
     *
     * @return false when a block changed between the read and the write (a projector ran meanwhile)
     */
    public boolean store(SeatMap rebuilt, Instant expiresAt) {
        Map<Integer, SeatBlock> live = new HashMap<>();
        blocks(rebuilt.scheduleId(), true).forEach(block -> live.put(block.blockNo(), block));
        for (SeatBlock block : rebuilt.blocks(0)) {
            SeatBlock current = live.get(block.blockNo());
            if (current != null && current.seats().equals(block.seats()) && current.concertId().equals(block.concertId())) {
                continue;
            }
            Put put = current == null ? createPut(block) : versionedPut(block, current.version());
            try {
                dynamoDb.putItem(request -> request.tableName(put.tableName()).item(put.item())
                        .conditionExpression(put.conditionExpression())
                        .expressionAttributeNames(put.expressionAttributeNames())
                        .expressionAttributeValues(put.expressionAttributeValues()));
            } catch (ConditionalCheckFailedException changed) {
                return false;
            }
        }
        Map<String, Long> stored = appliedSequences(rebuilt.scheduleId());
        rebuilt.appliedSequences().forEach((reservation, sequence) -> {
            if (!sequence.equals(stored.get(reservation))) {
                dynamoDb.putItem(request -> request.tableName(table)
                        .item(SeatMapItems.appliedItem(rebuilt.scheduleId(), reservation, sequence, expiresAt)));
            }
        });
        stored.keySet().stream().filter(reservation -> !rebuilt.appliedSequences().containsKey(reservation))
                .forEach(reservation -> dynamoDb.deleteItem(request -> request.tableName(table)
                        .key(SeatMapItems.appliedKey(rebuilt.scheduleId(), reservation))));
        return true;
    }

    private Put createPut(SeatBlock block) {
        return Put.builder()
                .tableName(table)
                .item(SeatMapItems.toItem(new SeatBlock(block.scheduleId(), block.concertId(), block.blockNo(), block.seats(), 1)))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))
                .build();
    }

    private Put versionedPut(SeatBlock next, long readVersion) {
        return Put.builder()
                .tableName(table)
                .item(SeatMapItems.toItem(new SeatBlock(next.scheduleId(), next.concertId(), next.blockNo(), next.seats(), readVersion + 1)))
                .conditionExpression("#version = :read")
                .expressionAttributeNames(Map.of("#version", VERSION))
                .expressionAttributeValues(Map.of(":read", number(readVersion)))
                .build();
    }

    /** All blocks of the schedule in block order, following Query pages (1 MB each). */
    private List<SeatBlock> blocks(String scheduleId, boolean consistent) {
        return dynamoDb.queryPaginator(request -> request.tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(scheduleId)))
                        .consistentRead(consistent))
                .items().stream().map(SeatMapItems::block).toList();
    }

    private Map<String, Long> appliedSequences(String scheduleId) {
        Map<String, Long> applied = new TreeMap<>();
        String prefix = SeatMapItems.appliedPrefix(scheduleId);
        dynamoDb.scanPaginator(request -> request.tableName(table).consistentRead(true)
                        .filterExpression("begins_with(#pk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", PK))
                        .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS(prefix))))
                .items().forEach(item -> applied.put(SeatMapItems.reservationOf(scheduleId, item), SeatMapItems.sequence(item)));
        return applied;
    }
}

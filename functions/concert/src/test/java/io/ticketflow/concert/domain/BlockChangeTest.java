package io.ticketflow.concert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.concert.domain.ReservationChange.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The live projection, block by block, against the whole-map rules of {@link SeatMap#apply}; no I/O. */
class BlockChangeTest {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");
    private static final String SCHEDULE = "schedule-stadium";

    /**
     * r-1 is held, sold, then its booking cancelled (released); r-2 then takes the seats r-1 had in block 1 and
     * buys them. Seats 99–102 straddle blocks 0 and 1.
     */
    private static final List<ReservationChange> HISTORY = List.of(
            change(Kind.HELD, "r-1", 1, 1, 99, 100, 101),
            change(Kind.SOLD, "r-1", 2, 2, 99, 100, 101),
            change(Kind.RELEASED, "r-1", 3, 3, 99, 100, 101),
            change(Kind.HELD, "r-2", 1, 4, 100, 101, 102),
            change(Kind.SOLD, "r-2", 2, 5, 100, 101, 102));

    @Test
    void everyArrivalOrder_ofTwoReservationsOnSharedSeats_endsAsInOrderDelivery_andAsTheWholeMapRules() {
        Blocks inOrder = Blocks.threeHundredFreeSeats().applyAll(HISTORY);
        List<List<ReservationChange>> orders = permutations(HISTORY);

        assertThat(orders).hasSize(120);
        for (List<ReservationChange> order : orders) {
            Blocks delivered = Blocks.threeHundredFreeSeats().applyAll(order);
            // seats and applied sequences; block versions count writes, which depend on the order
            assertThat(delivered.asSeatMap()).as("order %s", order).isEqualTo(inOrder.asSeatMap());
            assertThat(delivered.asSeatMap()).isEqualTo(wholeMap(order));
        }
        SeatMap end = inOrder.asSeatMap();
        assertThat(end.seats().get(98).status()).as("seat 99, released by r-1's cancellation").isEqualTo(SeatStatus.FREE);
        assertThat(end.seats().subList(99, 102)).allSatisfy(seat -> {
            assertThat(seat.status()).isEqualTo(SeatStatus.SOLD);
            assertThat(seat.reservationId()).isEqualTo("r-2");
        });
        assertThat(end.freeSeats(T0)).isEqualTo(297);
    }

    @Test
    void lateSoldAfterTheCancellationsRelease_isStale_andWritesNothing() {
        Blocks blocks = Blocks.threeHundredFreeSeats().applyAll(List.of(HISTORY.get(0), HISTORY.get(2)));

        assertThat(BlockChange.project(HISTORY.get(1), blocks)).isEmpty();
        assertThat(blocks.asSeatMap().freeSeats(T0)).isEqualTo(300);
    }

    @Test
    void duplicates_changeNothing() {
        Blocks once = Blocks.threeHundredFreeSeats().applyAll(HISTORY);
        List<ReservationChange> twice = new ArrayList<>(HISTORY);
        twice.addAll(HISTORY);

        Blocks duplicated = Blocks.threeHundredFreeSeats().applyAll(twice);

        assertThat(duplicated.blocks).as("not even a version bump").isEqualTo(once.blocks);
        HISTORY.forEach(change -> assertThat(BlockChange.project(change, once)).isEmpty());
    }

    @Test
    void holdStraddlingTwoBlocks_writesExactlyThoseTwo_atTheVersionsRead() {
        Blocks blocks = Blocks.threeHundredFreeSeats();

        BlockChange change = BlockChange.project(change(Kind.HELD, "r-1", 1, 1, 100, 101), blocks).orElseThrow();

        assertThat(change.changedBlocks()).extracting(SeatBlock::blockNo).containsExactly(0, 1);
        assertThat(change.changedBlocks()).extracting(SeatBlock::version).containsOnly(1L);
        assertThat(change.changedBlocks().get(0).seats().get(99).status()).isEqualTo(SeatStatus.HELD);
        assertThat(change.changedBlocks().get(1).seats().get(0).status()).isEqualTo(SeatStatus.HELD);
        assertThat(change.appliedSequence()).isEqualTo(1);
    }

    @Test
    void releaseOfSeatsSomeoneElseTookSince_changesNoBlock_butRecordsTheSequence() {
        Blocks blocks = Blocks.threeHundredFreeSeats().applyAll(List.of(
                change(Kind.HELD, "r-1", 1, 1, 7), change(Kind.HELD, "r-2", 1, 10, 7)));

        BlockChange release = BlockChange.project(change(Kind.RELEASED, "r-1", 2, 20, 7), blocks).orElseThrow();

        assertThat(release.changedBlocks()).isEmpty();
        assertThat(release.appliedSequence()).isEqualTo(2);
    }

    @Test
    void changeOfSeatsInABlockNotWrittenYet_isRetried_notAppliedInPart() {
        Blocks blocks = Blocks.threeHundredFreeSeats();
        blocks.blocks.remove(1);

        assertThatThrownBy(() -> BlockChange.project(change(Kind.HELD, "r-1", 1, 1, 100, 101), blocks))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[1]");
    }

    @Test
    void blocksOfAMap_holdAtMostAHundredSeats_andAssembleBackInSeatOrder() {
        SeatMap map = Blocks.threeHundredFreeSeats().asSeatMap();

        List<SeatBlock> blocks = map.blocks(1);

        assertThat(blocks).extracting(block -> block.seats().size()).containsExactly(100, 100, 100);
        assertThat(blocks.get(2).seats().get(0).seatNo()).isEqualTo(201);
        List<SeatBlock> shuffled = new ArrayList<>(blocks);
        Collections.reverse(shuffled);
        assertThat(SeatMap.of(SCHEDULE, "concert-9", shuffled, Map.of())).isEqualTo(map);
    }

    private static SeatMap wholeMap(List<ReservationChange> order) {
        SeatMap map = SeatMap.published("concert-9", schedule());
        for (ReservationChange change : order) {
            map = map.apply(change);
        }
        return map;
    }

    private static Schedule schedule() {
        return new Schedule(SCHEDULE, T0.plusSeconds(86_400), List.of(new Section("A", "R", 90, 1, 300)));
    }

    private static ReservationChange change(Kind kind, String reservation, long sequence, int secondsAfterT0, Integer... seatNos) {
        Instant at = T0.plusSeconds(secondsAfterT0);
        return new ReservationChange(kind, reservation, sequence, at, SCHEDULE, List.of(seatNos),
                kind == Kind.HELD ? at.plusSeconds(300) : null);
    }

    private static List<List<ReservationChange>> permutations(List<ReservationChange> changes) {
        if (changes.isEmpty()) {
            return List.of(List.of());
        }
        List<List<ReservationChange>> all = new ArrayList<>();
        for (int first = 0; first < changes.size(); first++) {
            List<ReservationChange> rest = new ArrayList<>(changes);
            ReservationChange head = rest.remove(first);
            for (List<ReservationChange> tail : permutations(rest)) {
                List<ReservationChange> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    /** The stored state in memory, written as the store would: changed blocks at version + 1, the sequence. */
    private static final class Blocks implements SeatBlockState {

        final Map<Integer, SeatBlock> blocks = new TreeMap<>();
        final Map<String, Long> applied = new HashMap<>();

        static Blocks threeHundredFreeSeats() {
            Blocks state = new Blocks();
            SeatMap.published("concert-9", schedule()).blocks(1).forEach(block -> state.blocks.put(block.blockNo(), block));
            return state;
        }

        Blocks applyAll(List<ReservationChange> changes) {
            changes.forEach(change -> BlockChange.project(change, this).ifPresent(written -> {
                written.changedBlocks().forEach(block -> blocks.put(block.blockNo(), new SeatBlock(block.scheduleId(),
                        block.concertId(), block.blockNo(), block.seats(), block.version() + 1)));
                applied.put(written.reservationId(), written.appliedSequence());
            }));
            return this;
        }

        SeatMap asSeatMap() {
            return SeatMap.of(SCHEDULE, "concert-9", blocks.values(), applied);
        }

        @Override
        public Long lastApplied(String scheduleId, String reservationId) {
            return applied.get(reservationId);
        }

        @Override
        public Map<Integer, SeatBlock> blocks(String scheduleId, Set<Integer> blockNos) {
            Map<Integer, SeatBlock> read = new TreeMap<>();
            blockNos.stream().filter(blocks::containsKey).forEach(blockNo -> read.put(blockNo, blocks.get(blockNo)));
            return read;
        }
    }
}

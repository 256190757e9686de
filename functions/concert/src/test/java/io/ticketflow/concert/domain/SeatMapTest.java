package io.ticketflow.concert.domain;

import static io.ticketflow.concert.domain.SeatMapMother.T0;
import static io.ticketflow.concert.domain.SeatMapMother.fiftyFreeSeats;
import static io.ticketflow.concert.domain.SeatMapMother.held;
import static io.ticketflow.concert.domain.SeatMapMother.released;
import static io.ticketflow.concert.domain.SeatMapMother.sold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeatMapTest {

    private static final Instant NOW = T0.plusSeconds(60);

    @Test
    void created_heldsItsSeats_othersStayFree() {
        SeatMap map = fiftyFreeSeats().apply(held("r-1", 1, 7, 8));

        assertThat(status(map, 7)).isEqualTo(SeatStatus.HELD);
        assertThat(status(map, 8)).isEqualTo(SeatStatus.HELD);
        assertThat(map.seats().get(6).reservationId()).isEqualTo("r-1");
        assertThat(map.freeSeats(NOW)).isEqualTo(48);
        assertThat(map.appliedSequences()).containsEntry("r-1", 1L);
    }

    @Test
    void cancelledOrExpired_afterCreated_freesTheSeats() {
        SeatMap map = fiftyFreeSeats().apply(held("r-1", 1, 7, 8)).apply(released("r-1", 2, 7, 8));

        assertThat(status(map, 7)).isEqualTo(SeatStatus.FREE);
        assertThat(map.seats().get(6).reservationId()).isNull();
        assertThat(map.freeSeats(NOW)).isEqualTo(50);
    }

    @Test
    void confirmed_afterCreated_marksTheSeatsSold() {
        SeatMap map = fiftyFreeSeats().apply(held("r-1", 1, 7)).apply(sold("r-1", 2, 7));

        assertThat(status(map, 7)).isEqualTo(SeatStatus.SOLD);
        assertThat(map.freeSeats(T0.plusSeconds(100_000))).isEqualTo(49);
    }

    @Test
    void duplicateEvent_changesNothing_andReturnsTheSameMap() {
        SeatMap once = fiftyFreeSeats().apply(held("r-1", 1, 7));

        assertThat(once.apply(held("r-1", 1, 7))).isSameAs(once);
    }

    @Test
    void cancelledBeforeCreated_leavesTheSeatFree_andTheLateCreatedIsStale() {
        SeatMap cancelledFirst = fiftyFreeSeats().apply(released("r-1", 2, 7));

        SeatMap afterLateCreated = cancelledFirst.apply(held("r-1", 1, 7));

        assertThat(afterLateCreated).isSameAs(cancelledFirst);
        assertThat(status(afterLateCreated, 7)).isEqualTo(SeatStatus.FREE);
    }

    @Test
    void lateReleaseOfAnEarlierHolder_doesNotFreeTheSeatALaterReservationHolds() {
        SeatMap map = fiftyFreeSeats().apply(held("r-1", 1, 7)).apply(held("r-2", 10, 7)).apply(released("r-1", 5, 7));

        assertThat(status(map, 7)).isEqualTo(SeatStatus.HELD);
        assertThat(map.seats().get(6).reservationId()).isEqualTo("r-2");
    }

    @Test
    void sweptExpiryOfAnEarlierHold_afterItsSeatWasTakenAgain_freesOnlyTheSeatsItStillHolds() {
        SeatMap map = fiftyFreeSeats().apply(held("r-1", 1, 7, 8)).apply(held("r-2", 10, 7)).apply(released("r-1", 20, 7, 8));

        assertThat(status(map, 7)).isEqualTo(SeatStatus.HELD);
        assertThat(map.seats().get(6).reservationId()).isEqualTo("r-2");
        assertThat(status(map, 8)).isEqualTo(SeatStatus.FREE);
    }

    @Test
    void lateHoldOfAnEarlierReservation_doesNotTakeTheSeatFromALaterOne() {
        SeatMap map = fiftyFreeSeats().apply(held("r-2", 10, 7)).apply(held("r-1", 1, 7));

        assertThat(map.seats().get(6).reservationId()).isEqualTo("r-2");
        assertThat(map.appliedSequences()).containsKeys("r-1", "r-2");
    }

    @Test
    void anyArrivalOrder_ofOneSeatsHistory_endsInTheSameMap() {
        List<ReservationChange> history = List.of(held("r-1", 1, 7, 8), released("r-1", 2, 7, 8), held("r-2", 3, 8, 9),
                sold("r-2", 4, 8, 9), held("r-3", 5, 7), released("r-3", 6, 7), held("r-4", 7, 7, 10));
        SeatMap inOrder = applyAll(history);
        Random random = new Random(42);

        for (int round = 0; round < 50; round++) {
            List<ReservationChange> shuffled = new ArrayList<>(history);
            Collections.shuffle(shuffled, random);
            shuffled.add(shuffled.get(random.nextInt(shuffled.size())));
            assertThat(applyAll(shuffled)).isEqualTo(inOrder);
        }
        assertThat(status(inOrder, 7)).isEqualTo(SeatStatus.HELD);
        assertThat(status(inOrder, 8)).isEqualTo(SeatStatus.SOLD);
        assertThat(status(inOrder, 9)).isEqualTo(SeatStatus.SOLD);
        assertThat(status(inOrder, 10)).isEqualTo(SeatStatus.HELD);
    }

    @Test
    void heldSeat_pastItsHoldExpiry_readsFree_beforeAnyExpiredEvent() {
        SeatMap map = fiftyFreeSeats().apply(held("r-1", 0, 7));
        SeatState seat = map.seats().get(6);

        assertThat(seat.statusAt(T0.plusSeconds(299))).isEqualTo(SeatStatus.HELD);
        assertThat(seat.statusAt(T0.plusSeconds(300))).isEqualTo(SeatStatus.FREE);
        assertThat(map.freeSeats(T0.plusSeconds(301))).isEqualTo(50);
    }

    @Test
    void changeOfAnotherSchedule_isRefused() {
        ReservationChange other = new ReservationChange(ReservationChange.Kind.RELEASED, "r-1", 2, T0, "schedule-9-9",
                List.of(1), null);

        assertThatThrownBy(() -> fiftyFreeSeats().apply(other)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SeatMap applyAll(List<ReservationChange> changes) {
        SeatMap map = fiftyFreeSeats();
        for (ReservationChange change : changes) {
            map = map.apply(change);
        }
        return map;
    }

    private static SeatStatus status(SeatMap map, int seatNo) {
        return map.seats().stream().filter(s -> s.seatNo() == seatNo).findFirst().orElseThrow().status();
    }
}

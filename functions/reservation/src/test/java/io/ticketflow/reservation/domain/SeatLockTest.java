package io.ticketflow.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeatLockTest {

    private static final Instant END = Instant.parse("2026-11-25T18:05:00Z");

    @Test
    void heldLock_isTakenBeforeItsEnd_andFreeFromItsEnd() {
        SeatLock held = new SeatLock("s-1", 7, "r-1", SeatLock.Status.HELD, END);

        assertThat(held.takenAt(END.minusMillis(1))).isTrue();
        assertThat(held.takenAt(END)).isFalse();
    }

    @Test
    void soldLock_isTakenForever() {
        assertThat(new SeatLock("s-1", 7, "r-1", SeatLock.Status.SOLD, null).takenAt(END.plusSeconds(86_400))).isTrue();
    }

    @Test
    void lockId_isScheduleAndSeatNumber() {
        assertThat(SeatLock.lockId("schedule-1-1", 12)).isEqualTo("schedule-1-1#12");
    }
}

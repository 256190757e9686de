package io.ticketflow.queue.domain;

import static io.ticketflow.queue.domain.QueueTokenMother.CONCERT;
import static io.ticketflow.queue.domain.QueueTokenMother.activeUntil;
import static io.ticketflow.queue.domain.QueueTokenMother.waitingAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueueCounterTest {

    @Test
    void positionOf_waitingToken_isSeqMinusWatermark() {
        QueueCounter counter = new QueueCounter(CONCERT, 500, 120, 20);

        assertThat(counter.positionOf(waitingAt(121))).isEqualTo(1);
        assertThat(counter.positionOf(waitingAt(500))).isEqualTo(380);
    }

    @Test
    void positionOf_waitingTokenReadBeforeWatermarkPassedIt_isOne() {
        QueueCounter counter = new QueueCounter(CONCERT, 500, 130, 30);

        assertThat(counter.positionOf(waitingAt(125))).isEqualTo(1);
    }

    @Test
    void positionOf_activeOrExpiredToken_isZero() {
        QueueCounter counter = new QueueCounter(CONCERT, 500, 120, 20);
        QueueToken active = activeUntil(100, Instant.parse("2026-11-25T18:05:00Z"));

        assertThat(counter.positionOf(active)).isZero();
        assertThat(counter.positionOf(active.expire())).isZero();
    }

    @Test
    void waiting_isIssuedMinusWatermark() {
        assertThat(new QueueCounter(CONCERT, 500, 120, 20).waiting()).isEqualTo(380);
        assertThat(QueueCounter.opened(CONCERT).waiting()).isZero();
    }
}

package io.ticketflow.queue.domain;

import static io.ticketflow.queue.domain.QueueTokenMother.activeUntil;
import static io.ticketflow.queue.domain.QueueTokenMother.waitingAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueueTokenTest {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");

    @Test
    void newToken_isWaitingAtVersionOneWithoutWindow() {
        QueueToken token = QueueToken.waiting("qt-1", "user-1", "concert-1", 7);

        assertThat(token.status()).isEqualTo(TokenStatus.WAITING);
        assertThat(token.version()).isEqualTo(1);
        assertThat(token.activeUntil()).isNull();
    }

    @Test
    void activate_waitingToken_becomesActiveUntilGivenInstantWithNextVersion() {
        QueueToken active = waitingAt(3).activate(T0.plusSeconds(300));

        assertThat(active.status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(active.activeUntil()).isEqualTo(T0.plusSeconds(300));
        assertThat(active.version()).isEqualTo(2);
        assertThat(active.seq()).isEqualTo(3);
    }

    @Test
    void activate_activeToken_isRejected() {
        QueueToken active = activeUntil(3, T0);

        assertThatThrownBy(() -> active.activate(T0.plusSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expire_activeToken_becomesExpiredKeepingWindowWithNextVersion() {
        QueueToken expired = activeUntil(3, T0).expire();

        assertThat(expired.status()).isEqualTo(TokenStatus.EXPIRED);
        assertThat(expired.activeUntil()).isEqualTo(T0);
        assertThat(expired.version()).isEqualTo(3);
    }

    @Test
    void expire_waitingToken_isRejected() {
        assertThatThrownBy(() -> waitingAt(3).expire()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void windowEndedAt_activeTokenBeforeAndAfterItsWindow_isFalseThenTrue() {
        QueueToken active = activeUntil(3, T0);

        assertThat(active.windowEndedAt(T0.minusMillis(1))).isFalse();
        assertThat(active.windowEndedAt(T0)).isFalse();
        assertThat(active.windowEndedAt(T0.plusMillis(1))).isTrue();
    }

    @Test
    void windowEndedAt_waitingOrExpiredToken_isFalse() {
        assertThat(waitingAt(3).windowEndedAt(T0)).isFalse();
        assertThat(activeUntil(3, T0).expire().windowEndedAt(T0.plusSeconds(60))).isFalse();
    }

    @Test
    void ownedBy_ownerAndStranger_isTrueThenFalse() {
        QueueToken token = waitingAt(3);

        assertThat(token.ownedBy("user-3")).isTrue();
        assertThat(token.ownedBy("user-4")).isFalse();
    }

    @Test
    void activeTokenWithoutWindow_isRejected() {
        assertThatThrownBy(() -> new QueueToken("qt", "u", "c", 1, TokenStatus.ACTIVE, null, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

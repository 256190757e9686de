package io.ticketflow.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The activation passes over users who stopped polling and gives their admissions to the next ones. */
class AbandonmentPlanTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final QueuePolicy POLICY = new QueuePolicy(2, 100, Duration.ofMinutes(5), Duration.ofSeconds(10),
            Duration.ofMinutes(2), Duration.ofMinutes(5));

    @Test
    void silentUsers_arePassedOver_andTheBatchGoesToTheNextWhoAreThere() {
        Map<Long, QueueToken> tokens = new HashMap<>();
        tokens.put(1L, waiting(1, NOW.minusSeconds(121)));
        tokens.put(2L, waiting(2, NOW.minusSeconds(5)));
        tokens.put(3L, waiting(3, NOW.minusSeconds(600)));
        tokens.put(4L, waiting(4, NOW.minusSeconds(30)));
        QueueCounter counter = new QueueCounter("c", 4, 0, 0);

        ActivationPlan plan = POLICY.plan(counter, tokens, NOW, 0, POLICY.placesToRead(counter, 0));

        assertThat(plan.activations()).extracting(QueueToken::seq).containsExactly(2L, 4L);
        assertThat(plan.abandonments()).extracting(QueueToken::seq).containsExactly(1L, 3L);
        assertThat(plan.abandonments()).allSatisfy(token -> assertThat(token.abandonedAt()).isEqualTo(NOW));
        assertThat(plan.toWatermark()).isEqualTo(4);
    }

    @Test
    void aPassedOverUser_comingBackWithinGrace_isPutBackInLine_later_itExpires() {
        QueueToken abandoned = waiting(1, NOW.minusSeconds(200)).abandon(NOW.minusSeconds(60));

        assertThat(abandoned.withinGrace(NOW, POLICY.abandonGrace())).isTrue();
        assertThat(abandoned.comeBack(NOW).abandonedAt()).isNull();
        assertThat(abandoned.comeBack(NOW).lastSeenAt()).isEqualTo(NOW);
        assertThat(abandoned.withinGrace(NOW.plusSeconds(241), POLICY.abandonGrace())).isFalse();
        assertThat(abandoned.expireAbandoned().status()).isEqualTo(TokenStatus.EXPIRED);
    }

    @Test
    void pollAdvice_keepsAWaitingUserWellInsideTheAbandonTime() {
        assertThat(POLICY.pollAfterSeconds(3_600)).isEqualTo(40);
        assertThat(POLICY.pollAfterSeconds(4)).as("never sooner than a tick").isEqualTo(10);
    }

    private static QueueToken waiting(long seq, Instant lastSeen) {
        return QueueToken.waiting("t" + seq, "u" + seq, "c", seq, lastSeen);
    }
}

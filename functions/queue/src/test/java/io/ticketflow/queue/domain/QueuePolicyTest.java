package io.ticketflow.queue.domain;

import static io.ticketflow.queue.domain.QueueTokenMother.CONCERT;
import static io.ticketflow.queue.domain.QueueTokenMother.activeUntil;
import static io.ticketflow.queue.domain.QueueTokenMother.waitingAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class QueuePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    private static final QueuePolicy POLICY = new QueuePolicy(100, 1000, Duration.ofMinutes(5), Duration.ofSeconds(10));

    @Test
    void etaSeconds_isOneTickPerStartedBatch() {
        assertThat(POLICY.etaSeconds(0)).isZero();
        assertThat(POLICY.etaSeconds(1)).isEqualTo(10);
        assertThat(POLICY.etaSeconds(100)).isEqualTo(10);
        assertThat(POLICY.etaSeconds(101)).isEqualTo(20);
        assertThat(POLICY.etaSeconds(1_000)).isEqualTo(100);
    }

    @Test
    void admissibleNow_longQueueWithFreePlaces_isOneBatch() {
        assertThat(POLICY.admissibleNow(new QueueCounter(CONCERT, 5_000, 0, 0))).isEqualTo(100);
    }

    @Test
    void admissibleNow_fewerWaitingThanBatch_isThoseWaiting() {
        assertThat(POLICY.admissibleNow(new QueueCounter(CONCERT, 130, 100, 100))).isEqualTo(30);
    }

    @Test
    void admissibleNow_nearMaxActive_isOnlyTheFreePlaces() {
        assertThat(POLICY.admissibleNow(new QueueCounter(CONCERT, 5_000, 1_000, 960))).isEqualTo(40);
    }

    @Test
    void admissibleNow_maxActiveReachedOrExceeded_isZero() {
        assertThat(POLICY.admissibleNow(new QueueCounter(CONCERT, 5_000, 1_000, 1_000))).isZero();
        assertThat(POLICY.admissibleNow(new QueueCounter(CONCERT, 5_000, 1_000, 1_200))).isZero();
    }

    @Test
    void plan_waitingTokens_activatesTheNextBatchInSeqOrderForTheWindow() {
        QueueCounter counter = new QueueCounter(CONCERT, 250, 100, 0);
        Map<Long, QueueToken> stored = tokens(101, 200);

        ActivationPlan plan = POLICY.plan(counter, stored, NOW);

        assertThat(plan.fromWatermark()).isEqualTo(100);
        assertThat(plan.toWatermark()).isEqualTo(200);
        assertThat(plan.activations()).extracting(QueueToken::seq).containsExactlyElementsOf(LongStream.rangeClosed(101, 200).boxed().toList());
        assertThat(plan.activations()).allSatisfy(token -> {
            assertThat(token.status()).isEqualTo(TokenStatus.ACTIVE);
            assertThat(token.activeUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        });
    }

    @Test
    void plan_seqWithoutToken_isBurnedNotActivated() {
        QueueCounter counter = new QueueCounter(CONCERT, 3, 0, 0);
        Map<Long, QueueToken> stored = tokens(1, 3);
        stored.remove(2L);

        ActivationPlan plan = POLICY.plan(counter, stored, NOW);

        assertThat(plan.steps()).hasSize(3);
        assertThat(plan.steps().get(1)).isEqualTo(new ActivationPlan.Burn(2));
        assertThat(plan.activations()).extracting(QueueToken::seq).containsExactly(1L, 3L);
        assertThat(plan.toWatermark()).isEqualTo(3);
    }

    @Test
    void plan_tokenNoLongerWaiting_isPassedNotActivated() {
        QueueCounter counter = new QueueCounter(CONCERT, 2, 0, 0);
        Map<Long, QueueToken> stored = tokens(1, 2);
        stored.put(1L, activeUntil(1, NOW));

        ActivationPlan plan = POLICY.plan(counter, stored, NOW);

        assertThat(plan.steps().get(0)).isInstanceOf(ActivationPlan.Pass.class);
        assertThat(plan.activations()).extracting(QueueToken::seq).containsExactly(2L);
    }

    @Test
    void plan_noFreePlaces_isEmptyAndKeepsWatermark() {
        ActivationPlan plan = POLICY.plan(new QueueCounter(CONCERT, 2_000, 1_500, 1_000), tokens(1_501, 1_600), NOW);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.toWatermark()).isEqualTo(1_500);
    }

    @Test
    void policy_withNonPositiveSettings_isRejected() {
        assertThatThrownBy(() -> new QueuePolicy(0, 10, Duration.ofMinutes(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueuePolicy(10, 10, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<Long, QueueToken> tokens(long first, long last) {
        Map<Long, QueueToken> tokens = new HashMap<>();
        for (long seq = first; seq <= last; seq++) {
            tokens.put(seq, waitingAt(seq));
        }
        return tokens;
    }
}

package io.ticketflow.queue.domain;

import static io.ticketflow.queue.domain.QueueTokenMother.CONCERT;
import static io.ticketflow.queue.domain.QueueTokenMother.activeUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tokens put back to WAITING after a failed payment are re-admitted first, within the batch and the active bound. */
class ReadmissionPlanningTest {

    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final QueuePolicy POLICY = new QueuePolicy(3, 10, WINDOW, Duration.ofSeconds(10));

    @Test
    void readmissions_restoredTokens_areAdmittedInSeqOrderForTheWindow() {
        Map<String, QueueToken> stored = restored(7, 2, 5);
        QueueCounter counter = new QueueCounter(CONCERT, 50, 20, 4, stored.keySet());

        ReadmissionPlan plan = POLICY.readmissions(counter, stored, NOW);

        assertThat(plan.activations()).extracting(QueueToken::seq).containsExactly(2L, 5L, 7L);
        assertThat(plan.activations()).allSatisfy(token -> {
            assertThat(token.status()).isEqualTo(TokenStatus.ACTIVE);
            assertThat(token.activeUntil()).isEqualTo(NOW.plus(WINDOW));
        });
        assertThat(plan.dropped()).isEmpty();
    }

    @Test
    void readmissions_moreRestoredThanFreePlaces_admitsOnlyTheFreePlacesAndBlocksTheWatermark() {
        Map<String, QueueToken> stored = restored(1, 2, 3);
        QueueCounter counter = new QueueCounter(CONCERT, 50, 20, 8, stored.keySet());

        ReadmissionPlan plan = POLICY.readmissions(counter, stored, NOW);

        assertThat(plan.activations()).extracting(QueueToken::seq).containsExactly(1L, 2L);
        // read again after the re-admission: one restored token still waits, so no newer token goes before it
        QueueCounter after = new QueueCounter(CONCERT, 50, 20, 10, Set.of("qt-3"));
        assertThat(POLICY.admissibleNow(after, 2)).isZero();
    }

    @Test
    void readmissions_moreRestoredThanBatch_admitsOneBatch() {
        Map<String, QueueToken> stored = restored(1, 2, 3, 4);
        QueueCounter counter = new QueueCounter(CONCERT, 50, 20, 0, stored.keySet());

        assertThat(POLICY.readmissions(counter, stored, NOW).activations()).extracting(QueueToken::seq)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void readmissions_maxActiveReached_admitNobody() {
        Map<String, QueueToken> stored = restored(1);
        QueueCounter counter = new QueueCounter(CONCERT, 50, 20, 10, stored.keySet());

        ReadmissionPlan plan = POLICY.readmissions(counter, stored, NOW);

        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void readmissions_restoredEntryNoLongerWaitingOrGone_isDroppedWithoutAnAdmission() {
        Map<String, QueueToken> stored = new HashMap<>(restored(1));
        QueueToken active = activeUntil(2, NOW);
        stored.put(active.token(), active);
        QueueCounter counter = new QueueCounter(CONCERT, 50, 20, 0, Set.of("qt-1", "qt-2", "qt-gone"));

        ReadmissionPlan plan = POLICY.readmissions(counter, stored, NOW);

        assertThat(plan.activations()).extracting(QueueToken::token).containsExactly("qt-1");
        assertThat(plan.dropped()).containsExactlyInAnyOrder("qt-2", "qt-gone");
    }

    @Test
    void admissibleNow_afterReadmissions_theBatchLeftMovesTheWatermark() {
        QueueCounter counter = new QueueCounter(CONCERT, 50, 20, 2);

        assertThat(POLICY.admissibleNow(counter, 2)).isEqualTo(1);
        assertThat(POLICY.admissibleNow(counter, 3)).isZero();
        assertThat(POLICY.plan(counter, Map.of(), NOW, 2).toWatermark()).isEqualTo(21);
    }

    @Test
    void positionOf_restoredToken_isOne() {
        QueueToken token = activeUntil(5, NOW).restore();
        QueueCounter counter = new QueueCounter(CONCERT, 500, 400, 10, Set.of(token.token()));

        assertThat(counter.positionOf(token)).isEqualTo(1);
    }

    /** Tokens admitted once and then put back to WAITING, by token. */
    private static Map<String, QueueToken> restored(long... seqs) {
        Map<String, QueueToken> tokens = new HashMap<>();
        for (long seq : seqs) {
            QueueToken token = activeUntil(seq, NOW).restore();
            tokens.put(token.token(), token);
        }
        return tokens;
    }
}

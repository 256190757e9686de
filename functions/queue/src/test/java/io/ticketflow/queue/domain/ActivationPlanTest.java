package io.ticketflow.queue.domain;

import static io.ticketflow.queue.domain.QueueTokenMother.CONCERT;
import static io.ticketflow.queue.domain.QueueTokenMother.waitingAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivationPlanTest {

    private static final Instant UNTIL = Instant.parse("2026-11-25T18:05:00Z");

    @Test
    void split_hundredSteps_givesConsecutivePartsEachStartingAtThePreviousEnd() {
        ActivationPlan plan = planOf(40, 100);

        List<ActivationPlan> parts = plan.split(45);

        assertThat(parts).extracting(ActivationPlan::fromWatermark).containsExactly(40L, 85L, 130L);
        assertThat(parts).extracting(ActivationPlan::toWatermark).containsExactly(85L, 130L, 140L);
        assertThat(parts.stream().mapToInt(p -> p.steps().size()).sum()).isEqualTo(100);
        assertThat(parts).allSatisfy(p -> assertThat(p.maxActive()).isEqualTo(plan.maxActive()));
    }

    @Test
    void split_emptyPlan_givesNoParts() {
        assertThat(planOf(7, 0).split(45)).isEmpty();
    }

    @Test
    void steps_withGap_areRejected() {
        List<ActivationPlan.Step> steps = List.of(new ActivationPlan.Burn(1), new ActivationPlan.Burn(3));

        assertThatThrownBy(() -> new ActivationPlan(CONCERT, 0, 10, steps)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void steps_notStartingAfterWatermark_areRejected() {
        List<ActivationPlan.Step> steps = List.of(new ActivationPlan.Burn(5));

        assertThatThrownBy(() -> new ActivationPlan(CONCERT, 0, 10, steps)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ActivationPlan planOf(long fromWatermark, int count) {
        List<ActivationPlan.Step> steps = new ArrayList<>();
        for (long seq = fromWatermark + 1; seq <= fromWatermark + count; seq++) {
            QueueToken waiting = waitingAt(seq);
            steps.add(new ActivationPlan.Activate(waiting, waiting.activate(UNTIL)));
        }
        return new ActivationPlan(CONCERT, fromWatermark, 1_000, steps);
    }
}

package io.ticketflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void percentiles_ofOneToHundred_areNearestRankSamples() {
        List<Integer> samples = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            samples.add(i);
        }
        Stats stats = Stats.of(samples);

        assertThat(stats.percentile(50)).isEqualTo(50);
        assertThat(stats.percentile(99)).isEqualTo(99);
        assertThat(stats.percentile(100)).isEqualTo(100);
        assertThat(stats.min()).isEqualTo(1);
        assertThat(stats.max()).isEqualTo(100);
    }

    @Test
    void median_ofEvenCount_isMeanOfMiddleTwo_andOfOddCount_isMiddle() {
        assertThat(Stats.of(List.of(4, 1, 3, 2)).median()).isEqualTo(2.5);
        assertThat(Stats.of(List.of(5, 1, 3)).median()).isEqualTo(3);
    }

    @Test
    void p99_ofFewSamples_isTheLargest() {
        assertThat(Stats.of(List.of(10, 30, 20)).percentile(99)).isEqualTo(30);
    }

    @Test
    void noSamples_isRejected() {
        assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

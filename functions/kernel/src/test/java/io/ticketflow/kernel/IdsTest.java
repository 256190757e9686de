package io.ticketflow.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void chosenIds_areNonBlank_atMost64Characters_withoutTheKeySeparator() {
        assertThat(Ids.isChosenId("concert-1")).isTrue();
        assertThat(Ids.isChosenId("x".repeat(64))).isTrue();

        assertThat(Ids.isChosenId(null)).isFalse();
        assertThat(Ids.isChosenId(" \t\n")).isFalse();
        assertThat(Ids.isChosenId("x".repeat(65))).isFalse();
        assertThat(Ids.isChosenId("concert#1")).isFalse();
    }

    @Test
    void newIds_areDistinctAndFitTheRuleOfChosenIds() {
        assertThat(Ids.newId()).isNotEqualTo(Ids.newId()).hasSize(36).matches(Ids::isChosenId);
    }
}

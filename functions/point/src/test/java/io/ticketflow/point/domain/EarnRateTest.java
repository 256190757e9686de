package io.ticketflow.point.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EarnRateTest {

    private static final EarnRate ONE_PERCENT = rate("1");
    private static final EarnRate ONE_AND_A_HALF = rate("1.5");

    @Test
    void points_areTheFloorOfTheRatesShare_neverRoundedUp() {
        assertThat(ONE_PERCENT.pointsFor(12_000)).isEqualTo(120);
        assertThat(ONE_PERCENT.pointsFor(12_099)).isEqualTo(120);
        assertThat(ONE_PERCENT.pointsFor(199)).isEqualTo(1);
        assertThat(ONE_AND_A_HALF.pointsFor(333)).as("4.995").isEqualTo(4);
        assertThat(ONE_AND_A_HALF.pointsFor(3_000)).isEqualTo(45);
    }

    @Test
    void aCardAmountBelowOneWholePoint_orNoCardAmount_earnsZero() {
        assertThat(ONE_PERCENT.pointsFor(99)).isZero();
        assertThat(ONE_PERCENT.pointsFor(0)).isZero();
    }

    @Test
    void aRateOfZero_switchesEarningOff() {
        assertThat(rate("0").pointsFor(Long.MAX_VALUE)).isZero();
    }

    @Test
    void theLargestCardAmount_earnsWithoutOverflow() {
        assertThat(rate("100").pointsFor(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(ONE_AND_A_HALF.pointsFor(Long.MAX_VALUE)).isEqualTo(138_350_580_552_821_637L);
        assertThat(ONE_PERCENT.pointsFor(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE / 100);
    }

    @Test
    void aRateBelowZeroOrAboveHundred_isRejected() {
        assertThatThrownBy(() -> rate("-0.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rate("100.001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeCardAmount_isRejected() {
        assertThatThrownBy(() -> ONE_PERCENT.pointsFor(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static EarnRate rate(String percent) {
        return new EarnRate(new BigDecimal(percent));
    }
}

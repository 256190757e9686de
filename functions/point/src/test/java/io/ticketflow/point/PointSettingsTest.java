package io.ticketflow.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.point.domain.EarnRate;
import io.ticketflow.point.domain.PointPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointSettingsTest {

    @Test
    void noMaxCharge_configured_usesOneMillion() {
        assertThat(PointSettings.policy(key -> null).maxCharge()).isEqualTo(1_000_000).isEqualTo(PointPolicy.DEFAULT_MAX_CHARGE);
    }

    @Test
    void maxCharge_configured_isUsed() {
        assertThat(PointSettings.policy(Map.of(PointSettings.MAX_CHARGE, " 5000 ")::get).maxCharge()).isEqualTo(5000);
    }

    @Test
    void maxCharge_notANumber_failsNamingTheKey() {
        assertThatThrownBy(() -> PointSettings.policy(Map.of(PointSettings.MAX_CHARGE, "lots")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(PointSettings.MAX_CHARGE);
    }

    @Test
    void webhookSecret_shorterThan32Bytes_failsAtStartUpNamingTheKey() {
        assertThatThrownBy(() -> PointSettings.webhookSignature(Map.of(PointSettings.WEBHOOK_SECRET, "short")::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(PointSettings.WEBHOOK_SECRET);
    }

    @Test
    void providerUrl_notAnAbsoluteHttpUrl_failsAtStartUpNamingTheKey() {
        assertThatThrownBy(() -> PointSettings.providerUrl(Map.of(PointSettings.PROVIDER_URL, "provider")::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(PointSettings.PROVIDER_URL);
    }

    @Test
    void currency_defaultsToEur_andMustBeAnIsoCode() {
        assertThat(PointSettings.currency(key -> null)).isEqualTo("EUR");
        assertThatThrownBy(() -> PointSettings.currency(Map.of(PointSettings.TOP_UP_CURRENCY, "euro")::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(PointSettings.TOP_UP_CURRENCY);
    }

    @Test
    void earnRate_notConfigured_isOnePercent() {
        assertThat(PointSettings.earnRate(key -> null).pointsFor(10_000)).isEqualTo(100);
    }

    @Test
    void earnRate_aDecimalPercentage_isUsedExactly() {
        EarnRate rate = PointSettings.earnRate(Map.of(PointSettings.EARN_RATE_PERCENT, " 1.5 ")::get);

        assertThat(rate.percent()).isEqualByComparingTo("1.5");
        assertThat(rate.pointsFor(10_000)).isEqualTo(150);
    }

    @Test
    void earnRate_notAPercentageFromZeroToHundred_failsAtStartUpNamingTheKey() {
        for (String invalid : new String[] {"one", "1,5", "1.5%", "-0.1", "100.01", "NaN"}) {
            assertThatThrownBy(() -> PointSettings.earnRate(Map.of(PointSettings.EARN_RATE_PERCENT, invalid)::get))
                    .as(invalid).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(PointSettings.EARN_RATE_PERCENT).hasMessageContaining(invalid);
        }
    }
}

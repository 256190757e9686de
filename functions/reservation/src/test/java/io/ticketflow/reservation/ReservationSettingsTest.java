package io.ticketflow.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.reservation.domain.HoldPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservationSettingsTest {

    @Test
    void nothingConfigured_givesFourSeatsForFiveMinutes() {
        assertThat(ReservationSettings.policy(key -> null)).isEqualTo(new HoldPolicy(4, Duration.ofMinutes(5)));
    }

    @Test
    void configuredValues_win() {
        Map<String, String> env = Map.of(ReservationSettings.MAX_SEATS, "2", ReservationSettings.HOLD_SECONDS, " 3 ");

        assertThat(ReservationSettings.policy(env::get)).isEqualTo(new HoldPolicy(2, Duration.ofSeconds(3)));
    }

    @Test
    void nonNumericValue_failsNamingTheKey() {
        assertThatThrownBy(() -> ReservationSettings.policy(Map.of(ReservationSettings.HOLD_SECONDS, "5m")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ReservationSettings.HOLD_SECONDS);
    }
}

package io.ticketflow.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.reservation.domain.CancellationPolicy;
import io.ticketflow.reservation.domain.HoldPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservationSettingsTest {

    @Test
    void nothingConfigured_givesFourSeatsForFiveMinutes_fourPerUser_andCancellationUntilADayBefore() {
        assertThat(ReservationSettings.policy(key -> null)).isEqualTo(new HoldPolicy(4, Duration.ofMinutes(5), 4));
        assertThat(ReservationSettings.cancellation(key -> null)).isEqualTo(new CancellationPolicy(Duration.ofHours(24)));
    }

    @Test
    void configuredValues_win() {
        Map<String, String> env = Map.of(ReservationSettings.MAX_SEATS, "2", ReservationSettings.HOLD_SECONDS, " 3 ",
                ReservationSettings.SEATS_PER_USER, "6", ReservationSettings.CANCELLATION_CUTOFF_SECONDS, "3600");

        assertThat(ReservationSettings.policy(env::get)).isEqualTo(new HoldPolicy(2, Duration.ofSeconds(3), 6));
        assertThat(ReservationSettings.cancellation(env::get)).isEqualTo(new CancellationPolicy(Duration.ofHours(1)));
    }

    @Test
    void aCapOfNoSeatsPerUser_failsAtStartUp() {
        assertThatThrownBy(() -> ReservationSettings.policy(Map.of(ReservationSettings.SEATS_PER_USER, "0")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ReservationSettings.SEATS_PER_USER);
    }

    @Test
    void nonNumericValue_failsNamingTheKey() {
        assertThatThrownBy(() -> ReservationSettings.policy(Map.of(ReservationSettings.HOLD_SECONDS, "5m")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ReservationSettings.HOLD_SECONDS);
    }
}

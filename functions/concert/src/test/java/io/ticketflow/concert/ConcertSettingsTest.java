package io.ticketflow.concert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcertSettingsTest {

    @Test
    void unsetTtl_defaultsToOneSecond() {
        assertThat(ConcertSettings.seatMapCacheTtl(Map.<String, String>of()::get)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void zeroTtl_isAccepted_asCacheOff() {
        assertThat(ConcertSettings.seatMapCacheTtl(Map.of(ConcertSettings.SEAT_MAP_CACHE_TTL_MILLIS, "0")::get)).isZero();
    }

    @Test
    void negativeOrNonNumericTtl_isRefusedNamingTheKey() {
        assertThatThrownBy(() -> ConcertSettings.seatMapCacheTtl(Map.of(ConcertSettings.SEAT_MAP_CACHE_TTL_MILLIS, "-1")::get))
                .hasMessageContaining(ConcertSettings.SEAT_MAP_CACHE_TTL_MILLIS);
        assertThatThrownBy(() -> ConcertSettings.seatMapCacheTtl(Map.of(ConcertSettings.SEAT_MAP_CACHE_TTL_MILLIS, "soon")::get))
                .hasMessageContaining(ConcertSettings.SEAT_MAP_CACHE_TTL_MILLIS);
    }
}

package io.ticketflow.concert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SeatMapCacheTest {

    private final MutableClock clock = new MutableClock(SeatMapMother.T0);
    private final AtomicInteger storeReads = new AtomicInteger();
    private final SeatMapStore store = scheduleId -> {
        storeReads.incrementAndGet();
        return scheduleId.equals(SeatMapMother.SCHEDULE) ? Optional.of(SeatMapMother.fiftyFreeSeats()) : Optional.empty();
    };

    @Test
    void readsWithinTtl_areHits_andReadTheStoreOnce() {
        SeatMapCache cache = new SeatMapCache(store, Duration.ofMillis(1000), clock);

        cache.find(SeatMapMother.SCHEDULE);
        clock.advance(Duration.ofMillis(999));
        cache.find(SeatMapMother.SCHEDULE);
        cache.find(SeatMapMother.SCHEDULE);

        assertThat(cache.stats()).isEqualTo(new CacheStats(2, 1));
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void readAtTtl_isAMiss_thatReloads() {
        SeatMapCache cache = new SeatMapCache(store, Duration.ofMillis(1000), clock);

        cache.find(SeatMapMother.SCHEDULE);
        clock.advance(Duration.ofMillis(1000));
        cache.find(SeatMapMother.SCHEDULE);

        assertThat(cache.stats()).isEqualTo(new CacheStats(0, 2));
        assertThat(storeReads).hasValue(2);
    }

    @Test
    void zeroTtl_turnsTheCacheOff_everyReadIsAMiss() {
        SeatMapCache cache = new SeatMapCache(store, Duration.ZERO, clock);

        cache.find(SeatMapMother.SCHEDULE);
        cache.find(SeatMapMother.SCHEDULE);

        assertThat(cache.stats()).isEqualTo(new CacheStats(0, 2));
        assertThat(cache.stats().hitRatio()).isZero();
    }

    @Test
    void unknownSchedule_isNotCached_soALaterPublishIsSeenAtOnce() {
        SeatMapCache cache = new SeatMapCache(store, Duration.ofSeconds(10), clock);

        assertThat(cache.find("schedule-unknown")).isEmpty();
        cache.find("schedule-unknown");

        assertThat(storeReads).hasValue(2);
    }
}

package io.ticketflow.concert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void concurrentMisses_onOneSchedule_readTheStoreOnce_andAllGetItsSeatMap() throws Exception {
        int lookups = 8;
        CountDownLatch allAsking = new CountDownLatch(lookups);
        AtomicInteger slowReads = new AtomicInteger();
        SeatMapStore slowStore = scheduleId -> {
            slowReads.incrementAndGet();
            try {
                // the first read lasts until every lookup has started (or a second passed): all of them miss together
                allAsking.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(SeatMapMother.fiftyFreeSeats());
        };
        SeatMapCache cache = new SeatMapCache(slowStore, Duration.ofSeconds(1), clock);
        ExecutorService pool = Executors.newFixedThreadPool(lookups);
        try {
            List<Future<Optional<SeatMap>>> found = new ArrayList<>();
            for (int i = 0; i < lookups; i++) {
                found.add(pool.submit(() -> {
                    allAsking.countDown();
                    return cache.find(SeatMapMother.SCHEDULE);
                }));
            }
            for (Future<Optional<SeatMap>> seatMap : found) {
                assertThat(seatMap.get(5, TimeUnit.SECONDS)).contains(SeatMapMother.fiftyFreeSeats());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(slowReads).hasValue(1);
        assertThat(cache.stats()).isEqualTo(new CacheStats(lookups - 1, 1));
    }

    @Test
    void failedLoad_failsTheLookupsWaitingForIt_andTheNextLookupLoadsAgain() {
        AtomicInteger reads = new AtomicInteger();
        SeatMapStore failingOnce = scheduleId -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("store unavailable");
            }
            return Optional.of(SeatMapMother.fiftyFreeSeats());
        };
        SeatMapCache cache = new SeatMapCache(failingOnce, Duration.ofSeconds(1), clock);

        assertThatThrownBy(() -> cache.find(SeatMapMother.SCHEDULE)).hasMessage("store unavailable");

        assertThat(cache.find(SeatMapMother.SCHEDULE)).contains(SeatMapMother.fiftyFreeSeats());
        assertThat(reads).hasValue(2);
    }
}

package io.ticketflow.concert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.concert.domain.CacheStats;
import io.ticketflow.concert.domain.MutableClock;
import io.ticketflow.concert.domain.SeatMapCache;
import io.ticketflow.concert.function.PublishConcertFunction;
import io.ticketflow.concert.function.SeatMapFunction;
import io.ticketflow.concert.function.SeatMapQuery;
import io.ticketflow.concert.function.SeatMapView;
import io.ticketflow.concert.function.ConcertToPublish;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seat-map cache's hit/miss counters in front of the real store on moto, read through the seat map function as
 * the route serves it; the time is a clock the test moves, so the counts are exact. (Reads per second with the
 * cache on and off are a figure of the bench: {@code scripts/bench seat-maps}.)
 */
@ExtendWith(MotoExtension.class)
class SeatMapCacheIT {

    private static final String SCHEDULE = "schedule-1-1";
    private static final Duration TTL = Duration.ofSeconds(1);

    private static ConcertFixture fixture;

    @BeforeAll
    static void publish(EmulatorEndpoint endpoint) {
        fixture = ConcertFixture.withTables(endpoint);
        new PublishConcertFunction(fixture.catalog(Clock.systemUTC())).apply(ConcertToPublish.of(DemoCatalogue.concert(1)));
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void cacheOff_everyReadIsAMissThatReadsTheStore() {
        SeatMapCache cache = new SeatMapCache(fixture.seatMaps(), Duration.ZERO, Clock.systemUTC());
        SeatMapFunction seatMap = new SeatMapFunction(cache, Clock.systemUTC());

        for (int i = 0; i < 5; i++) {
            assertThat(seatMap.apply(new SeatMapQuery(SCHEDULE)).seats()).hasSize(50);
        }

        assertThat(cache.stats()).isEqualTo(new CacheStats(0, 5));
    }

    @Test
    void cacheOn_readsWithinTheTtlAreHits_andTheFirstReadAfterItIsAMiss() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T19:00:00Z"));
        SeatMapCache cache = new SeatMapCache(fixture.seatMaps(), TTL, clock);
        SeatMapFunction seatMap = new SeatMapFunction(cache, clock);

        SeatMapView first = seatMap.apply(new SeatMapQuery(SCHEDULE));
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofMillis(100));
            assertThat(seatMap.apply(new SeatMapQuery(SCHEDULE))).isEqualTo(first);
        }
        assertThat(cache.stats()).isEqualTo(new CacheStats(9, 1));

        clock.advance(Duration.ofMillis(100));
        seatMap.apply(new SeatMapQuery(SCHEDULE));

        assertThat(cache.stats()).isEqualTo(new CacheStats(9, 2));
        assertThat(cache.stats().hitRatio()).isEqualTo(9.0 / 11);
    }

    @Test
    void cacheOn_unknownSchedule_isNeverCached() {
        SeatMapCache cache = new SeatMapCache(fixture.seatMaps(), TTL, Clock.systemUTC());

        assertThat(cache.find("no-such-schedule")).isEmpty();
        assertThat(cache.find("no-such-schedule")).isEmpty();

        assertThat(cache.stats()).isEqualTo(new CacheStats(0, 2));
    }
}

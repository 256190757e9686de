package io.ticketflow.concert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.concert.SeatMapReadBenchmark.Figures;
import io.ticketflow.concert.function.PublishConcertFunction;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The benchmark's seat-map figure runs end to end on moto (a short run; the bench entry point runs it longer). */
@ExtendWith(MotoExtension.class)
class SeatMapReadBenchmarkIT {

    private static ConcertFixture fixture;

    @BeforeAll
    static void publish(EmulatorEndpoint endpoint) {
        fixture = ConcertFixture.withTables(endpoint);
        new PublishConcertFunction(fixture.catalog(Clock.systemUTC())).apply(DemoCatalogue.concert(1));
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void cacheOnVsOff_sameRun_onHitsAlmostAlways_offNever() throws Exception {
        List<Figures> figures = new SeatMapReadBenchmark(fixture.seatMaps(), Clock.systemUTC())
                .run("schedule-1-1", List.of(Duration.ZERO, Duration.ofSeconds(1)), 2, Duration.ofMillis(700));

        Figures off = figures.get(0);
        Figures on = figures.get(1);
        System.out.printf("seat-map reads: cache off %.0f/s (hit ratio %.3f), cache on (1 s TTL) %.0f/s (hit ratio %.3f)%n",
                off.readsPerSecond(), off.stats().hitRatio(), on.readsPerSecond(), on.stats().hitRatio());
        assertThat(off.stats().hits()).isZero();
        assertThat(off.stats().misses()).isEqualTo(off.reads()).isPositive();
        assertThat(on.stats().lookups()).isEqualTo(on.reads());
        assertThat(on.stats().misses()).isLessThanOrEqualTo(2 * 2);
    }
}

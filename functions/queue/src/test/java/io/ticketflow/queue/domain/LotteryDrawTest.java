package io.ticketflow.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LotteryDrawTest {

    private static final Instant OPENS_AT = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void placeOf_givesEveryPreQueueSeqItsOwnPlaceInTheDraw_andSeqAtIsItsInverse() {
        for (long size : new long[] {1, 2, 3, 7, 64, 65, 1000}) {
            LotteryDraw draw = new LotteryDraw(42, size, OPENS_AT);
            Set<Long> places = new HashSet<>();
            for (long seq = 1; seq <= size; seq++) {
                long place = draw.placeOf(seq);
                assertThat(place).isBetween(1L, size);
                places.add(place);
                assertThat(draw.seqAt(place)).isEqualTo(seq);
            }
            assertThat(places).as("a permutation of 1..%d", size).hasSize((int) size);
        }
    }

    @Test
    void theSameSeedAndSize_replayTheSameOrder_anotherSeedDrawsAnother() {
        LotteryDraw recorded = new LotteryDraw(-4962768465676381896L, 500, OPENS_AT);
        LotteryDraw replayed = new LotteryDraw(-4962768465676381896L, 500, OPENS_AT);
        LotteryDraw other = new LotteryDraw(7, 500, OPENS_AT);

        assertThat(LongStream.rangeClosed(1, 500).map(recorded::placeOf).toArray())
                .isEqualTo(LongStream.rangeClosed(1, 500).map(replayed::placeOf).toArray())
                .isNotEqualTo(LongStream.rangeClosed(1, 500).map(other::placeOf).toArray());
    }

    @Test
    void seqsAfterThePreQueue_keepTheirPlace() {
        LotteryDraw draw = new LotteryDraw(42, 100, OPENS_AT);

        assertThat(draw.placeOf(101)).isEqualTo(101);
        assertThat(draw.seqAt(250)).isEqualTo(250);
    }

    @Test
    void arrivalOrder_andPlace_areUncorrelated_overTenThousandEarlyArrivals() {
        int size = 10_000;
        LotteryDraw draw = new LotteryDraw(20261205L, size, OPENS_AT);
        double mean = (size + 1) / 2.0;
        double covariance = 0;
        double variance = 0;
        for (long seq = 1; seq <= size; seq++) {
            covariance += (seq - mean) * (draw.placeOf(seq) - mean);
            variance += (seq - mean) * (seq - mean);
        }
        double spearman = covariance / variance;
        System.out.printf("[lottery] rank correlation of arrival and place over %d early arrivals: %.4f%n", size, spearman);
        // a uniform shuffle's correlation has a standard deviation of 1/sqrt(n - 1) = 0.01
        assertThat(Math.abs(spearman)).isLessThan(0.04);
    }
}

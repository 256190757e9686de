package io.ticketflow.local.stepfunctions.asl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class RetrierTest {


    @Test
    void delay_growsByBackoffRatePerRetry() {
        Retrier retrier = new Retrier(List.of("States.ALL"), 3, 3, 1.5, null, false);

        assertThat(List.of(retrier.delayBeforeRetry(0, RandomGenerator.getDefault()),
                retrier.delayBeforeRetry(1, RandomGenerator.getDefault())))
                .as("the AWS guide's example: 3 s then 4.5 s")
                .containsExactly(Duration.ofSeconds(3), Duration.ofMillis(4500));
    }

    @Test
    void delay_withFullJitter_isARandomShareOfTheComputedDelay() {
        Retrier retrier = new Retrier(List.of("States.ALL"), 4, 3, 2.0, null, true);
        RandomGenerator fixedHalf = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return 0.5;
            }
        };

        assertThat(retrier.delayBeforeRetry(1, fixedHalf)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void delay_isCappedByMaxDelaySeconds() {
        Retrier retrier = new Retrier(List.of("States.ALL"), 10, 5, 3.0, 20.0, false);

        assertThat(retrier.delayBeforeRetry(3, RandomGenerator.getDefault())).isEqualTo(Duration.ofSeconds(20));
    }
}

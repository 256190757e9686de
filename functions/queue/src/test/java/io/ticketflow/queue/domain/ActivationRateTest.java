package io.ticketflow.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivationRateTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final QueuePolicy POLICY = new QueuePolicy(100, 1000, Duration.ofMinutes(5), Duration.ofSeconds(10));

    @Test
    void theFirstTickStartsTheClock_laterTicksMeasureAdmissionsPerSecond() {
        ActivationRate started = ActivationRate.UNMEASURED.after(100, T0);
        ActivationRate measured = started.after(50, T0.plusSeconds(10));

        assertThat(started.measured()).isFalse();
        assertThat(measured.perSecond()).isEqualTo(5.0);
        assertThat(measured.after(0, T0.plusSeconds(20)).perSecond()).as("a tick admitting no one halves it").isEqualTo(2.5);
    }

    @Test
    void eta_isThePeopleAheadOverTheMeasuredRate_orOneBatchPerTickBeforeAnyMeasurement() {
        ActivationRate fivePerSecond = new ActivationRate(5, T0);

        assertThat(POLICY.etaSeconds(1_000, fivePerSecond)).isEqualTo(200);
        assertThat(POLICY.etaSeconds(1_000, ActivationRate.UNMEASURED)).isEqualTo(100);
        assertThat(POLICY.etaSeconds(0, fivePerSecond)).isZero();
    }
}

package io.ticketflow.local.stepfunctions;

import static io.ticketflow.local.stepfunctions.EmulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wait states on the emulator's clock. */
class WaitStateTest {

    private final EmulatorFixture fixture = new EmulatorFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void seconds_waitsThatLong_thenPassesTheInputOn() throws Exception {
        String execution = fixture.start(Asl.single("""
                {"Type": "Wait", "Seconds": 90, "End": true}
                """), "{\"a\": 1}");

        assertThat(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)).isEqualTo(Duration.ofSeconds(90));
        ExecutionDescription done = fixture.await(execution);

        assertThat(json(done.output())).isEqualTo(json("{\"a\": 1}"));
        assertThat(fixture.eventTypes(execution)).containsExactly("ExecutionStarted", "WaitStateEntered",
                "WaitStateExited", "ExecutionSucceeded");
        assertThat(Duration.between(fixture.lastEvent(execution, "WaitStateEntered").timestamp(),
                fixture.lastEvent(execution, "WaitStateExited").timestamp())).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void secondsPath_readsTheDelayFromTheEffectiveInput() throws Exception {
        String execution = fixture.start(Asl.single("""
                {"Type": "Wait", "InputPath": "$.hold", "SecondsPath": "$.seconds", "End": true}
                """), "{\"hold\": {\"seconds\": 300}}");

        assertThat(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)).isEqualTo(Duration.ofSeconds(300));
        assertThat(json(fixture.await(execution).output())).isEqualTo(json("{\"seconds\": 300}"));
    }

    @Test
    void timestampPath_waitsUntilThatInstant() throws Exception {
        String execution = fixture.start(Asl.single("""
                {"Type": "Wait", "TimestampPath": "$.until", "End": true}
                """), "{\"until\": \"2026-03-01T12:00:00+01:00\"}");

        assertThat(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT))
                .as("12:00+01:00 is one hour after the clock's start, 10:00Z").isEqualTo(Duration.ofHours(1));
        assertThat(fixture.await(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void timestamp_inTheFuture_waitsUntilIt() throws Exception {
        String execution = fixture.start(Asl.single("""
                {"Type": "Wait", "Timestamp": "2026-03-01T10:05:00Z", "End": true}
                """), "{}");

        assertThat(fixture.clock.advanceToNextTimer(EmulatorFixture.AWAIT)).isEqualTo(Duration.ofMinutes(5));
        assertThat(fixture.await(execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void timestamp_inThePast_doesNotWait() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Wait", "Timestamp": "2020-01-01T00:00:00Z", "End": true}
                """), "{}");

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void secondsPath_notANumber_failsWithStatesRuntime() throws Exception {
        ExecutionDescription done = fixture.run(Asl.single("""
                {"Type": "Wait", "SecondsPath": "$.s", "End": true}
                """), "{\"s\": \"ten\"}");

        assertThat(done.error()).isEqualTo("States.Runtime");
    }
}

package io.ticketflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorTimerTest {

    @Test
    void busyTime_ofOverlappingAndSeparateCalls_countsOverlapOnce() {
        List<EmulatorTimer.Call> calls = List.of(
                new EmulatorTimer.Call("a", 0, 10),
                new EmulatorTimer.Call("b", 5, 15),
                new EmulatorTimer.Call("c", 12, 14),
                new EmulatorTimer.Call("d", 20, 30));

        assertThat(EmulatorTimer.busyNanos(calls)).isEqualTo(25);
    }

    @Test
    void busyTime_ofNoCalls_isZero() {
        assertThat(EmulatorTimer.busyNanos(List.of())).isZero();
    }
}

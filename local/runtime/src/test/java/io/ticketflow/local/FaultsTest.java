package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void runLocalFaultsOption_isParsedIntoEveryFault() {
        LocalOptions options = LocalOptions.parse(List.of("--faults", "crash=0.05,delay=200ms,duplicate=0.1,drop=0.01"),
                Map.of(), Path.of("."));

        assertThat(options.faults()).hasToString("crash=0.05,delay=200ms,duplicate=0.1,drop=0.01");
        assertThat(options.faults().any()).isTrue();
        assertThat(LocalOptions.parse(List.of(), Map.of(), Path.of(".")).faults().any()).as("off unless asked").isFalse();
    }

    @Test
    void aTypoOrAnImpossibleProbability_failsAtStartUp_insteadOfRunningWithoutFaults() {
        assertThatThrownBy(() -> Faults.parse("crahs=0.05")).hasMessageContaining("unknown fault 'crahs'");
        assertThatThrownBy(() -> Faults.parse("crash=5")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> Faults.parse("crash")).hasMessageContaining("name=value");
        assertThatThrownBy(() -> Faults.parse("delay=soon")).hasMessageContaining("200ms");
    }

    @Test
    void certainCrash_isCountedEveryTime_andNoFaultsNeverFire() {
        Faults always = new Faults(1, Duration.ZERO, 1, 0);
        for (int i = 0; i < 10; i++) {
            assertThat(always.crashesNow()).isTrue();
            assertThat(always.duplicatesNow()).isTrue();
            assertThat(always.dropsNow()).isFalse();
        }
        assertThat(always.injected()).containsEntry("crash", 10L).containsEntry("duplicate", 10L).containsEntry("drop", 0L);
        assertThat(Faults.NONE.crashesNow()).isFalse();
    }

    @Test
    void disarmedFaults_fireNever_untilArmedAgain() {
        Faults faults = new Faults(1, Duration.ZERO, 0, 0).disarm();

        assertThat(faults.crashesNow()).isFalse();
        assertThat(faults.arm().crashesNow()).isTrue();
        assertThat(faults.injected()).containsEntry("crash", 1L);
    }
}

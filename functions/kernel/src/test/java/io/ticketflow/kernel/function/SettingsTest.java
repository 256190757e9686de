package io.ticketflow.kernel.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings of(String key, String value) {
        return new Settings(Map.of(key, value)::get);
    }

    @Test
    void unsetOrBlankKey_takesTheDefault() {
        Settings none = new Settings(key -> null);

        assertThat(none.intOf("N", 7)).isEqualTo(7);
        assertThat(of("N", "  ").longOf("N", 8, 0)).isEqualTo(8);
        assertThat(none.seconds("S", Duration.ofSeconds(300))).hasSeconds(300);
        assertThat(none.millis("M", Duration.ofMillis(1500))).hasMillis(1500);
        assertThat(of("T", " ").text("T")).isNull();
    }

    @Test
    void valuesWithSurroundingBlanks_areRead() {
        assertThat(of("N", " 50 ").intOf("N", 1)).isEqualTo(50);
        assertThat(of("N", "5000000000").longOf("N", 1)).isEqualTo(5_000_000_000L);
        assertThat(of("S", " 3 ").seconds("S", Duration.ZERO)).hasSeconds(3);
        assertThat(of("M", "0").millis("M", Duration.ofSeconds(1))).isZero();
        assertThat(of("T", " arn ").text("T")).isEqualTo("arn");
    }

    @Test
    void notAnInteger_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> of("QUEUE_MAX_ACTIVE", "lots").intOf("QUEUE_MAX_ACTIVE", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("QUEUE_MAX_ACTIVE must be an integer, was 'lots'");
        assertThatThrownBy(() -> of("HOLD", "5m").seconds("HOLD", Duration.ZERO)).hasMessageContaining("HOLD");
        assertThatThrownBy(() -> of("N", "5000000000").intOf("N", 1)).hasMessageContaining("N must be an integer");
    }

    @Test
    void belowTheBound_failsNamingKeyBoundAndValue() {
        assertThatThrownBy(() -> of("TTL_MILLIS", "-1").millis("TTL_MILLIS", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TTL_MILLIS must be 0 or more, was -1");
        assertThatThrownBy(() -> of("N", "0").intOf("N", 5, 1)).hasMessage("N must be 1 or more, was 0");
    }
}

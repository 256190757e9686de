package io.ticketflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void render_alignsNumbersRightAndTextLeft_underTheTitle() {
        String text = new Table("Figure", "variant", "median")
                .row("functional", Table.millis(431.2))
                .row("boot", Table.millis(1432))
                .note("measured here")
                .render();

        assertThat(text).isEqualTo("""
                == Figure ==
                variant    | median
                -----------+--------
                functional |  431 ms
                boot       | 1432 ms
                  * measured here
                """);
    }

    @Test
    void row_withWrongCellCount_isRejected() {
        assertThatThrownBy(() -> new Table("t", "a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void millis_keepsOneDecimalBelowAHundred() {
        assertThat(Table.millis(52.44)).isEqualTo("52.4 ms");
        assertThat(Table.millis(2643.4)).isEqualTo("2643 ms");
    }

    @Test
    void micros_keepsOneDecimalBelowAHundred_andAlignsAsANumber() {
        assertThat(Table.micros(87.46)).isEqualTo("87.5 µs");
        assertThat(Table.micros(1204.6)).isEqualTo("1205 µs");
        assertThat(Table.isNumeric(Table.micros(87.46))).isTrue();
    }
}

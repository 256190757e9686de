package io.ticketflow.kernel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339InstantsTest {

    @ParameterizedTest
    @CsvSource({
            "2027-06-01T20:00:00Z, 2027-06-01T20:00:00Z",
            "2027-06-01t20:00:00.5z, 2027-06-01T20:00:00.500Z",
            "2027-06-01T22:00:00+02:00, 2027-06-01T20:00:00Z",
            // beyond java.time's ±18:00, inside RFC 3339's two-digit hour
            "0351-05-26T07:48:23-19:43, 0351-05-27T03:31:23Z",
            "2016-12-31T23:59:60Z, 2017-01-01T00:00:00Z",
            "2027-06-01T20:00:00.123456789Z, 2027-06-01T20:00:00.123456789Z"})
    void readsEveryOffsetAndSecondRfc3339Allows(String text, String expected) {
        assertThat(Rfc3339Instants.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-06-01", "2027-06-01T20:00:00", "2027-06-01T20:00:00+24:00", "2027-13-01T20:00:00Z",
            "2027-06-01T25:00:00Z", "2027-06-01 20:00:00Z", "yesterday"})
    void refusesWhatIsNotAnRfc3339DateTime(String text) {
        assertThatThrownBy(() -> Rfc3339Instants.parse(text)).isInstanceOf(DateTimeException.class);
    }
}

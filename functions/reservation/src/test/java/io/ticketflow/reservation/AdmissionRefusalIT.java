package io.ticketflow.reservation;

import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static io.ticketflow.reservation.ReservationFixture.CONCERT;
import static io.ticketflow.reservation.ReservationFixture.OTHER_CONCERT;
import static io.ticketflow.reservation.ReservationFixture.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Without an ACTIVE token of the caller for the concert, every reservation call is refused with a 4xx problem
 * and writes nothing. The view is Reservation's own, fed by the admission consumer; nothing asks the Queue.
 */
@ExtendWith(MotoExtension.class)
class AdmissionRefusalIT {

    private static final String OWNER = "user-owner";
    private static final String OWNER_TOKEN = "qt-owner";

    private static ReservationFixture fixture;
    private static String reservationId;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        fixture = ReservationFixture.start(endpoint, Map.of());
        fixture.admit(OWNER, OWNER_TOKEN, CONCERT);
        reservationId = fixture.body(fixture.hold(OWNER, OWNER_TOKEN, SCHEDULE, 3)).get("reservationId").stringValue();
        // the caller's token for each case
        fixture.admit("user-stranger", "qt-stranger", CONCERT);
        fixture.admit(Map.of(OWNER, "qt-ran-out"), CONCERT, Instant.now().minusSeconds(1));
        fixture.admit(OWNER, "qt-expired-event", CONCERT);
        fixture.expireAdmission(OWNER, "qt-expired-event", CONCERT);
        fixture.admit(OWNER, "qt-other-concert", OTHER_CONCERT);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "waiting (unknown to the view), qt-never-admitted, still waiting",
            "activeUntil passed without QUEUE_EXPIRED, qt-ran-out, expired",
            "QUEUE_EXPIRED applied, qt-expired-event, expired",
            "another user's token, qt-stranger, another user",
            "another concert's token, qt-other-concert, another concert"})
    void everyReservationCall_withoutAnActiveToken_is403_andWritesNothing(String situation, String token, String detail) {
        Map<String, Integer> before = fixture.writableCounts();

        JsonNode hold = fixture.hold(OWNER, token, SCHEDULE, 4);
        JsonNode get = fixture.get(OWNER, token, reservationId);
        JsonNode cancel = fixture.cancel(OWNER, token, reservationId);

        for (JsonNode response : new JsonNode[] {hold, get, cancel}) {
            assertProblem(response, 403, "queue-token-not-active");
            assertThat(fixture.body(response).get("detail").stringValue()).contains(detail);
        }
        assertThat(fixture.writableCounts()).as(situation).isEqualTo(before);
        assertThat(fixture.body(fixture.get(OWNER, OWNER_TOKEN, reservationId)).get("status").stringValue()).isEqualTo("PENDING");
    }

    @Test
    void everyReservationCall_withoutTheQueueTokenHeader_is400_andWritesNothing() {
        Map<String, Integer> before = fixture.writableCounts();

        assertProblem(fixture.hold(OWNER, null, SCHEDULE, 4), 400, "queue-token-missing");
        assertProblem(fixture.get(OWNER, null, reservationId), 400, "queue-token-missing");
        assertProblem(fixture.cancel(OWNER, null, reservationId), 400, "queue-token-missing");
        assertThat(fixture.writableCounts()).isEqualTo(before);
    }
}

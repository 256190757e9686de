package io.ticketflow.reservation;

import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static io.ticketflow.reservation.ReservationFixture.CONCERT;
import static io.ticketflow.reservation.ReservationFixture.OTHER_CONCERT;
import static io.ticketflow.reservation.ReservationFixture.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.testing.TestPasses;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Without a valid admission pass of the caller for the concert, every reservation call is refused with a 403 whose
 * type names the cause, and writes nothing. The pass is checked by its signature; only revocations come from
 * Reservation's own view, fed by the admission consumer. Nothing asks the Queue.
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
        // the caller's pass for each case
        fixture.usePass("qt-forged", new TestPasses().issue(OWNER, CONCERT, "qt-forged"));
        fixture.admit(Map.of(OWNER, "qt-ran-out"), CONCERT, Instant.now().minusSeconds(1));
        fixture.admit(OWNER, "qt-expired-event", CONCERT);
        fixture.expireAdmission(OWNER, "qt-expired-event", CONCERT);
        fixture.admit(OWNER, "qt-restored", CONCERT);
        fixture.restoreAdmission(OWNER, "qt-restored", CONCERT);
        fixture.admit("user-stranger", "qt-stranger", CONCERT);
        fixture.admit(OWNER, "qt-other-concert", OTHER_CONCERT);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
            "no pass (the queue never admitted the caller), none, admission-pass-missing",
            "a pass signed with another key, qt-forged, admission-pass-invalid",
            "a pass whose window passed (no QUEUE_EXPIRED yet), qt-ran-out, admission-pass-expired",
            "a pass whose token QUEUE_EXPIRED ended, qt-expired-event, admission-pass-revoked",
            "a pass whose token was put back in line, qt-restored, queue-token-waiting",
            "another user's pass, qt-stranger, admission-pass-of-another-user",
            "a pass for another concert, qt-other-concert, admission-pass-for-another-concert"})
    void everyReservationCall_withoutAValidPass_is403_ofItsCause_andWritesNothing(String situation, String token, String type) {
        Map<String, Integer> before = fixture.writableCounts();

        JsonNode hold = fixture.hold(OWNER, token, SCHEDULE, 4);
        JsonNode get = fixture.get(OWNER, token, reservationId);
        JsonNode cancel = fixture.cancel(OWNER, token, reservationId);

        for (JsonNode response : new JsonNode[] {hold, get, cancel}) {
            assertProblem(response, 403, type);
        }
        assertThat(fixture.writableCounts()).as(situation).isEqualTo(before);
        assertThat(fixture.body(fixture.get(OWNER, OWNER_TOKEN, reservationId)).get("status").stringValue()).isEqualTo("PENDING");
    }

    @Test
    void calls_withoutAPass_onAnUnknownScheduleOrReservation_are403PassMissing_notANotFoundThatNeedsNoPass() {
        assertProblem(fixture.hold(OWNER, null, "no-such-schedule", 1), 403, "admission-pass-missing");
        assertProblem(fixture.get(OWNER, null, "no-such-reservation"), 403, "admission-pass-missing");
        assertProblem(fixture.cancel(OWNER, null, "no-such-reservation"), 403, "admission-pass-missing");
    }
}

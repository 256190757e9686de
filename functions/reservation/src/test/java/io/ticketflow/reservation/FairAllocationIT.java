package io.ticketflow.reservation;

import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static io.ticketflow.reservation.ReservationFixture.CONCERT;
import static io.ticketflow.reservation.ReservationFixture.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.testing.Race;
import io.ticketflow.reservation.domain.ReservationStatus;
import io.ticketflow.reservation.domain.SeatLock;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12: one admitted user cannot hoard. A queue token has one running hold at a time, and a user has at most
 * the cap (4 by default) of a concert's seats across holds and bookings; released holds give their seats back.
 */
@ExtendWith(MotoExtension.class)
class FairAllocationIT {

    private static final String USER = "user-hoarder";
    private static final Duration PAST_THE_HOLD = Duration.ofMinutes(6);

    private final ShiftableClock clock = new ShiftableClock();
    private ReservationFixture fixture;

    /** Tables of its own per test, so that counting items counts this test's holds only. */
    @BeforeEach
    void start(EmulatorEndpoint endpoint) {
        fixture = ReservationFixture.start(endpoint, Map.of(), clock);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void fiftyConcurrentHolds_byOneUserWithFiveTokens_leaveOnePendingPerTokenAtMost_andNoMoreSeatsThanTheCap()
            throws Exception {
        String schedule = "schedule-hoard";
        fixture.publishWithSeats("concert-hoard", 120, schedule);
        List<String> tokens = List.of("qt-h1", "qt-h2", "qt-h3", "qt-h4", "qt-h5");
        tokens.forEach(token -> admit(token, "concert-hoard"));
        // fifty holds of two seats each, none overlapping: only the hoarding rules can refuse them
        List<Callable<JsonNode>> holds = new ArrayList<>();
        List<String> tokenOfHold = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String token = tokens.get(i % tokens.size());
            int first = 1 + 2 * i;
            tokenOfHold.add(token);
            holds.add(() -> fixture.hold(USER, token, schedule, first, first + 1));
        }

        List<JsonNode> responses = Race.of(25, holds);

        Map<String, Long> createdPerToken = new TreeMap<>();
        List<String> refusals = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            JsonNode response = responses.get(i);
            int status = response.get("statusCode").intValue();
            assertThat(status).as(response.toString()).isIn(201, 409);
            if (status == 201) {
                createdPerToken.merge(tokenOfHold.get(i), 1L, Long::sum);
                created.add(fixture.body(response).get("reservationId").stringValue());
            } else {
                refusals.add(fixture.body(response).get("type").stringValue().replaceFirst(".*/", ""));
            }
        }
        assertThat(createdPerToken.values()).as("PENDING holds per token").allMatch(count -> count == 1);
        // two seats a hold and a cap of four: the first two holds to commit fill it, whichever tokens they used
        assertThat(created).hasSize(2);
        assertThat(refusals).hasSize(48).containsOnly("hold-already-pending", "seat-limit-reached")
                .contains("seat-limit-reached");
        assertThat(fixture.adapter().seatLocks(schedule)).hasSize(4)
                .extracting(SeatLock::reservationId).containsOnlyElementsOf(created);
        assertThat(fixture.count(ReservationResources.RESERVATIONS_TABLE)).isEqualTo(2);
        assertThat(fixture.eventsValidated(EventTypes.RESERVATION_CREATED)).extracting(EventEnvelope::aggregateId)
                .containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void aSecondHold_withTheSameToken_isRefusedNamingTheFirst_untilTheFirstIsCancelled() {
        admit("qt-one", CONCERT);
        String first = created(fixture.hold(USER, "qt-one", SCHEDULE, 1));

        JsonNode second = fixture.hold(USER, "qt-one", SCHEDULE, 2);
        assertProblem(second, 409, "hold-already-pending");
        assertThat(fixture.body(second).get("detail").stringValue()).contains(first);

        assertThat(fixture.cancel(USER, "qt-one", first).get("statusCode").intValue()).isEqualTo(200);
        assertThat(fixture.hold(USER, "qt-one", SCHEDULE, 2).get("statusCode").intValue()).isEqualTo(201);
    }

    @Test
    void aLapsedHold_freesItsToken_andItsLateExpiryLeavesTheTokensNextHoldAlone() {
        admit("qt-lapse", CONCERT);
        String lapsed = created(fixture.hold(USER, "qt-lapse", SCHEDULE, 1));
        clock.advance(PAST_THE_HOLD);

        String next = created(fixture.hold(USER, "qt-lapse", SCHEDULE, 2));
        assertThat(fixture.sweep().expired()).isEqualTo(1);

        assertThat(fixture.repository().find(lapsed).orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertProblem(fixture.hold(USER, "qt-lapse", SCHEDULE, 3), 409, "hold-already-pending");
        assertThat(fixture.repository().find(next).orElseThrow().status()).isEqualTo(ReservationStatus.PENDING);
    }

    @Test
    void confirmedBookings_countAgainstTheCap_acrossTokens_andTheRefusalSaysHowManyAreHeld() {
        admit("qt-booked", CONCERT);
        admit("qt-more", CONCERT);
        confirm(created(fixture.hold(USER, "qt-booked", SCHEDULE, 1, 2, 3)));

        JsonNode more = fixture.hold(USER, "qt-more", SCHEDULE, 4, 5);

        assertProblem(more, 409, "seat-limit-reached");
        assertThat(fixture.body(more).get("detail").stringValue()).contains("at most 4 seats", "have booked 3");
        assertThat(fixture.hold(USER, "qt-more", SCHEDULE, 4).get("statusCode").intValue()).isEqualTo(201);
    }

    @Test
    void theCap_isPerConcert() {
        admit("qt-a", CONCERT);
        admit("qt-b", ReservationFixture.OTHER_CONCERT);
        created(fixture.hold(USER, "qt-a", SCHEDULE, 1, 2, 3, 4));

        assertThat(fixture.hold(USER, "qt-b", ReservationFixture.OTHER_SCHEDULE, 1, 2, 3, 4).get("statusCode").intValue())
                .isEqualTo(201);
        assertThat(fixture.count(ReservationResources.RESERVATIONS_TABLE)).isEqualTo(2);
    }

    @Test
    void cancellingAHold_givesItsSeatsBack() {
        releasedSeatsGoBack(id -> assertThat(fixture.cancel(USER, "qt-full", id).get("statusCode").intValue()).isEqualTo(200));
    }

    @Test
    void theSweeperExpiringAHold_givesItsSeatsBack() {
        releasedSeatsGoBack(id -> {
            clock.advance(PAST_THE_HOLD);
            assertThat(fixture.sweep().expired()).isEqualTo(1);
        });
    }

    @Test
    void theSagaReleasingAHold_givesItsSeatsBack() {
        releasedSeatsGoBack(id -> assertThat(release(id, "PAYMENT_FAILED").get("changed").booleanValue()).isTrue());
    }

    @Test
    void aBookingsCancellation_givesItsSeatsBack() {
        releasedSeatsGoBack(id -> {
            confirm(id);
            assertThat(release(id, "BOOKING_CANCELLED").get("changed").booleanValue()).isTrue();
        });
    }

    /** The user fills the cap with one hold, is refused one more seat, {@code release}s it, and then may hold four again. */
    private void releasedSeatsGoBack(Consumer<String> release) {
        admit("qt-full", CONCERT);
        admit("qt-again", CONCERT);
        String full = created(fixture.hold(USER, "qt-full", SCHEDULE, 1, 2, 3, 4));
        assertProblem(fixture.hold(USER, "qt-again", SCHEDULE, 5), 409, "seat-limit-reached");

        release.accept(full);

        assertThat(fixture.hold(USER, "qt-again", SCHEDULE, 5, 6, 7, 8).get("statusCode").intValue()).isEqualTo(201);
    }

    /** Admitted for two days, so that moving the clock past a hold leaves the pass valid. */
    private void admit(String token, String concertId) {
        fixture.admit(Map.of(USER, token), concertId, Instant.now().plus(Duration.ofDays(2)));
    }

    private String created(JsonNode response) {
        assertThat(response.get("statusCode").intValue()).as(response.toString()).isEqualTo(201);
        return fixture.body(response).get("reservationId").stringValue();
    }

    private void confirm(String reservationId) {
        JsonNode confirmed = fixture.invoke(ReservationResources.CONFIRM_RESERVATION, fixture.json.createObjectNode()
                .put("reservationId", reservationId).put("paymentId", "pay-" + reservationId)
                .set("payment", fixture.json.createObjectNode().put("paymentId", "pay-" + reservationId)));
        assertThat(confirmed.get("status").stringValue()).as(confirmed.toString()).isEqualTo("CONFIRMED");
    }

    private JsonNode release(String reservationId, String reason) {
        return fixture.invoke(ReservationResources.RELEASE_SEATS, fixture.json.createObjectNode()
                .put("reservationId", reservationId).put("outcome", "CANCELLED").put("reason", reason));
    }
}

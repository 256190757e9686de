package io.ticketflow.reservation;

import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static io.ticketflow.reservation.ReservationFixture.CONCERT;
import static io.ticketflow.reservation.ReservationFixture.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.reservation.domain.SeatLock;
import io.ticketflow.reservation.function.SweepReport;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Holds of one second: what happens when they run out, before and after the sweeper. */
@ExtendWith(MotoExtension.class)
class HoldExpiryIT {

    private static final Duration HOLD = Duration.ofSeconds(1);

    private ReservationFixture fixture;

    /** Tables of its own per test: a sweep sees only this test's holds. */
    @BeforeEach
    void start(EmulatorEndpoint endpoint) {
        fixture = ReservationFixture.start(endpoint, Map.of(ReservationSettings.HOLD_SECONDS, HOLD.toSeconds()));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void endedHold_beforeAnySweep_readsExpired_andAnotherUserCanHoldItsSeat_thenTwoRacingSweepsEmitExpiredOnce()
            throws Exception {
        fixture.admit("user-slow", "qt-slow", CONCERT);
        fixture.admit("user-quick", "qt-quick", CONCERT);
        String slow = fixture.body(fixture.hold("user-slow", "qt-slow", SCHEDULE, 5, 6)).get("reservationId").stringValue();
        assertProblem(fixture.hold("user-quick", "qt-quick", SCHEDULE, 6), 409, "seat-unavailable");

        Thread.sleep(HOLD.plusMillis(200).toMillis());
        JsonNode beforeSweep = fixture.get("user-slow", "qt-slow", slow);
        JsonNode takeover = fixture.hold("user-quick", "qt-quick", SCHEDULE, 6);
        String quick = fixture.body(takeover).get("reservationId").stringValue();

        assertThat(fixture.body(beforeSweep).get("status").stringValue()).isEqualTo("EXPIRED");
        assertThat(takeover.get("statusCode").intValue()).isEqualTo(201);
        assertThat(fixture.eventsValidated(EventTypes.RESERVATION_EXPIRED)).isEmpty();

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<SweepReport> first = CompletableFuture.supplyAsync(() -> sweepAfter(go));
        CompletableFuture<SweepReport> second = CompletableFuture.supplyAsync(() -> sweepAfter(go));
        go.countDown();
        SweepReport one = first.get();
        SweepReport two = second.get();
        SweepReport later = fixture.sweep();

        assertThat(one.expired() + two.expired()).isEqualTo(1);
        assertThat(later.expired()).isZero();
        List<EventEnvelope> expired = fixture.eventsValidated(EventTypes.RESERVATION_EXPIRED);
        assertThat(expired).singleElement().satisfies(event -> {
            assertThat(event.aggregateId()).isEqualTo(slow);
            assertThat(event.sequence()).isEqualTo(2);
            assertThat(event.payload().get("seatNos").toString()).isEqualTo("[5,6]");
        });
        // the sweep released seat 5, still the slow hold's, and left seat 6 to its new holder
        assertThat(fixture.adapter().seatLocks(SCHEDULE)).singleElement().satisfies(lock -> {
            assertThat(lock.seatNo()).isEqualTo(6);
            assertThat(lock.reservationId()).isEqualTo(quick);
            assertThat(lock.status()).isEqualTo(SeatLock.Status.HELD);
        });
        assertThat(fixture.repository().find(slow)).hasValueSatisfying(reservation ->
                assertThat(reservation.status()).hasToString("EXPIRED"));
    }

    @Test
    void cancel_ofAnEndedHold_isRefusedAsNotPending() throws InterruptedException {
        fixture.admit("user-late-cancel", "qt-late-cancel", CONCERT);
        String id = fixture.body(fixture.hold("user-late-cancel", "qt-late-cancel", SCHEDULE, 40)).get("reservationId").stringValue();

        Thread.sleep(HOLD.plusMillis(200).toMillis());

        assertProblem(fixture.cancel("user-late-cancel", "qt-late-cancel", id), 409, "reservation-not-pending");
        assertThat(fixture.eventsValidated(EventTypes.RESERVATION_CANCELLED)).isEmpty();
    }

    private SweepReport sweepAfter(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return fixture.sweep();
    }
}

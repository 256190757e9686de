package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.Schedule;
import io.ticketflow.concert.domain.Seat;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.local.stepfunctions.ExecutionDescription;
import io.ticketflow.local.stepfunctions.ExecutionStatus;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.statemachine.SagaDefinition;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Cancelling a confirmed booking through the local runtime, over HTTP, with every real service: book → CONFIRMED →
 * {@code POST /reservations/{id}/cancellation} → the cancellation saga refunds the points, refunds the payment and
 * frees the seats; a repeat starts nothing twice; what is not the caller's confirmed booking is refused.
 */
@ExtendWith(MotoExtension.class)
class BookingCancellationIT {

    /** What each function called while the tests ran, against its catalogue grants. */
    @RegisterExtension
    static final GrantsAudit.Check GRANTS = new GrantsAudit.Check("cancelBooking", "takeBackEarnedPoints", "refundPoints",
            "cancelPayment", "releaseSeats");

    private static final String CONCERT = "concert-1";
    private static final String SCHEDULE = "schedule-1-1";
    private static final int R_PRICE = 90;

    private static LocalRuntime runtime;
    private static Bookings bookings;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = LocalRuntime.start(new LocalOptions(0, endpoint.uri(), endpoint.region(), "cancellation-",
                ProjectRoot.find(), Map.of(LocalOptions.ALL_SCHEDULES, 1), Map.of(), true), Topology.catalogue());
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void confirmedBooking_cancelled_refundsThePointsCancelsThePaymentAndFreesTheSeats_once() {
        Bookings.User alice = confirmed(bookings.user("alice"), 21, 22);
        assertThat(alice.balance()).isEqualTo(500 - 2 * R_PRICE);

        HttpResponse<String> accepted = cancel(alice, alice.reservationId);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("location")).contains("/bookings/" + alice.reservationId);
        assertThat(Bookings.JSON.readTree(accepted.body()).path("status").asString()).isEqualTo("CANCELLING");
        Eventually.within(Bookings.WAIT, () ->
                assertThat(cancellation(alice).status()).isEqualTo(ExecutionStatus.SUCCEEDED));
        assertThat(runtime.stepFunctions().stateTransitions(cancellation(alice).executionArn())).isEqualTo(5);
        JsonNode booking = alice.settledBooking();
        assertThat(booking.path("status").asString()).as(booking.toString()).isEqualTo("CANCELLED");
        assertThat(booking.path("steps").findValuesAsString("name")).contains("BookingConfirmed");
        assertThat(booking.path("cancellation").path("status").asString()).isEqualTo("CANCELLED");
        assertThat(booking.path("cancellation").path("steps").findValuesAsString("name"))
                .containsExactly("TakeBackEarnedPoints", "RefundPoints", "CancelPayment", "ReleaseSeats",
                        "BookingCancelled");

        assertThat(alice.events()).filteredOn(e -> e.type().equals("RESERVATION_CANCELLED"))
                .singleElement().satisfies(e -> assertThat(e.payload().path("reason").asString())
                        .isEqualTo("BOOKING_CANCELLED"));
        assertThat(alice.balance()).isEqualTo(500);
        assertThat(ledgerTypes(alice)).containsExactlyInAnyOrder("CHARGED", "DEDUCTED", "REFUNDED");
        HttpResponse<String> payment = alice.payment(Payment.idFor(alice.reservationId));
        assertThat(Bookings.JSON.readTree(payment.body()).path("status").asString()).as(payment.body()).isEqualTo("REFUNDED");
        Eventually.within(Bookings.SEAT_MAP_WAIT, () -> {
            assertThat(bookings.seatStatus(SCHEDULE, 21)).isEqualTo("FREE");
            assertThat(bookings.seatStatus(SCHEDULE, 22)).isEqualTo("FREE");
        });

        HttpResponse<String> repeated = cancel(alice, alice.reservationId);

        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(202);
        assertThat(runtime.stepFunctions().listExecutions(runtime.stateMachineArn(SagaDefinition.CANCELLATION), null))
                .filteredOn(execution -> execution.name().equals(alice.reservationId)).hasSize(1);
        assertThat(alice.balance()).isEqualTo(500);
        assertThat(alice.events()).extracting(EventEnvelope::type)
                .containsOnlyOnce("RESERVATION_CANCELLED", "POINT_REFUNDED", "PAYMENT_REFUNDED");
    }

    @Test
    void pendingUnknownOrAnotherUsersReservation_isRefusedWithAProblem_andStartsNothing() {
        Bookings.User bob = bookings.user("bob").admittedTo(CONCERT).holding(SCHEDULE, 31);
        Bookings.User carol = confirmed(bookings.user("carol"), 32);

        HttpResponse<String> pending = cancel(bob, bob.reservationId);
        HttpResponse<String> unknown = cancel(bob, "no-such-reservation");
        HttpResponse<String> someoneElses = cancel(bob, carol.reservationId);
        HttpResponse<String> anonymous = bookings.send("POST", "/reservations/" + carol.reservationId + "/cancellation",
                null, null, Map.of());

        assertProblem(pending, 409, "reservation-not-confirmed");
        assertProblem(unknown, 404, "reservation-not-found");
        assertProblem(someoneElses, 404, "reservation-not-found");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(runtime.stepFunctions().listExecutions(runtime.stateMachineArn(SagaDefinition.CANCELLATION), null))
                .extracting(ExecutionDescription::name).doesNotContain(bob.reservationId, carol.reservationId);
    }

    @Test
    void aBookingOfAShowStartingWithinADay_cannotBeCancelled_andKeepsItsPaymentAndSeat() {
        String concertId = "concert-tonight";
        String scheduleId = "schedule-tonight";
        runtime.publish(new Concert(concertId, "Tonight", "The Late Band", "Local Club", List.of(Schedule.withSeats(
                scheduleId, Instant.now().plus(Duration.ofHours(2)), List.of(new Seat(1, "R", R_PRICE))))));
        Bookings.User dave = bookings.user("dave");
        // the queue opens once CONCERT_PUBLISHED has reached it
        Eventually.within(Bookings.WAIT, () -> dave.entered(concertId));
        Bookings.User booked = confirmed(dave, concertId, scheduleId, 1);

        HttpResponse<String> refused = cancel(booked, booked.reservationId);

        assertProblem(refused, 409, "cancellation-closed");
        assertThat(booked.balance()).isEqualTo(500 - R_PRICE);
        assertThat(booked.settledBooking().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(runtime.stepFunctions().listExecutions(runtime.stateMachineArn(SagaDefinition.CANCELLATION), null))
                .extracting(ExecutionDescription::name).doesNotContain(booked.reservationId);
    }

    private static Bookings.User confirmed(Bookings.User user, int... seatNos) {
        return confirmed(user, CONCERT, SCHEDULE, seatNos);
    }

    private static Bookings.User confirmed(Bookings.User user, String concertId, String scheduleId, int... seatNos) {
        Bookings.User booked = user.admittedTo(concertId).holding(scheduleId, seatNos).toppedUp(500);
        HttpResponse<String> paid = booked.payOnceAwaited("key-" + booked.userId, null);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(booked.settledBooking().path("status").asString()).isEqualTo("CONFIRMED");
        return booked;
    }

    private static HttpResponse<String> cancel(Bookings.User user, String reservationId) {
        return bookings.send("POST", "/reservations/" + reservationId + "/cancellation", user.bearer, null, Map.of());
    }

    private static ExecutionDescription cancellation(Bookings.User user) {
        return runtime.stepFunctions().describeExecution(runtime.stateMachineArn(SagaDefinition.CANCELLATION)
                .replace(":stateMachine:", ":execution:") + ":" + user.reservationId);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(contentType ->
                assertThat(contentType).startsWith("application/problem+json"));
        assertThat(Bookings.JSON.readTree(response.body()).path("type").asString()).endsWith("/problems/" + type);
    }

    private static List<String> ledgerTypes(Bookings.User user) {
        List<String> types = new ArrayList<>();
        user.history().path("entries").forEach(line -> types.add(line.path("type").asString()));
        return types;
    }
}

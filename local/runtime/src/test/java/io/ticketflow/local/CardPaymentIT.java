package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.local.stepfunctions.ExecutionDescription;
import io.ticketflow.local.stepfunctions.ExecutionStatus;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.statemachine.SagaDefinition;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.net.http.HttpResponse;
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
 * Paying part of a booking by card, through the local runtime over HTTP only, with the simulated provider's test
 * cards: every branch of the money's way through the booking saga and the cancellation, each ending with the points
 * balance and what the provider charged and refunded.
 */
@ExtendWith(MotoExtension.class)
class CardPaymentIT {

    /** What the card steps called while the tests ran, against their catalogue grants. */
    @RegisterExtension
    static final GrantsAudit.Check GRANTS = new GrantsAudit.Check("authorisePayment", "capturePayment", "cancelPayment",
            "earnPoints", "takeBackEarnedPoints");

    private static final String CONCERT = "concert-1";
    private static final String SCHEDULE = "schedule-1-1";
    private static final int R_PRICE = 90;

    private static LocalRuntime runtime;
    private static Bookings bookings;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = LocalRuntime.start(new LocalOptions(0, endpoint.uri(), endpoint.region(), "card-",
                ProjectRoot.find(), Map.of(LocalOptions.ALL_SCHEDULES, 1), Map.of(), true), Topology.catalogue());
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void approvedCard_withASplit_confirmsInEightTransitions_chargingTheCardTheRest_andACancellationGivesBothBack() {
        Bookings.User alice = bookings.user("alice").admittedTo(CONCERT).holding(SCHEDULE, 41).toppedUp(500);

        HttpResponse<String> paid = alice.payOnceAwaited("key-alice", 40, "tok_approve");

        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(alice.settledBooking().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(runtime.stepFunctions().stateTransitions(bookingArn(alice))).isEqualTo(8);
        assertThat(alice.balance()).isEqualTo(500 - 40);
        assertThat(card(alice)).isEqualTo(new Charges(R_PRICE - 40, 0));
        JsonNode payment = Bookings.JSON.readTree(alice.payment(Payment.idFor(alice.reservationId)).body());
        assertThat(payment.path("status").asString()).isEqualTo("CAPTURED");
        assertThat(payment.path("pointsAmount").longValue()).isEqualTo(40);
        assertThat(payment.path("cardAmount").longValue()).isEqualTo(R_PRICE - 40);
        assertThat(alice.events()).extracting(EventEnvelope::type)
                .containsOnlyOnce("PAYMENT_AUTHORISED", "PAYMENT_CAPTURED", "POINT_DEDUCTED");

        HttpResponse<String> cancelled = cancel(alice);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
        Eventually.within(Bookings.WAIT, () ->
                assertThat(cancellation(alice).status()).isEqualTo(ExecutionStatus.SUCCEEDED));
        assertThat(alice.balance()).isEqualTo(500);
        assertThat(card(alice)).isEqualTo(new Charges(R_PRICE - 40, R_PRICE - 40));
        assertThat(alice.events()).extracting(EventEnvelope::type).containsOnlyOnce("PAYMENT_REFUNDED");
    }

    @Test
    void theCardPart_earnsPoints_andTheCancellationTakesThemBackWithTheRest() {
        Bookings.User gina = bookings.user("gina").admittedTo(CONCERT).holding(SCHEDULE, 47, 48).toppedUp(500);

        HttpResponse<String> paid = gina.payOnceAwaited("key-gina", 0, "tok_approve");

        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(gina.settledBooking().path("status").asString()).isEqualTo("CONFIRMED");
        // 1 % of the card part 180, rounded down
        assertThat(gina.balance()).isEqualTo(500 + 1);
        assertThat(card(gina)).isEqualTo(new Charges(2 * R_PRICE, 0));

        cancel(gina);

        Eventually.within(Bookings.WAIT, () ->
                assertThat(cancellation(gina).status()).isEqualTo(ExecutionStatus.SUCCEEDED));
        assertThat(gina.balance()).isEqualTo(500);
        assertThat(card(gina)).isEqualTo(new Charges(2 * R_PRICE, 2 * R_PRICE));
        assertThat(gina.events()).extracting(EventEnvelope::type)
                .containsOnlyOnce("POINT_EARNED", "POINT_EARNING_REVERSED", "PAYMENT_REFUNDED");
    }

    @Test
    void declinedCard_failsTheBooking_releasesTheSeat_andChargesNothing() {
        Bookings.User bob = bookings.user("bob").admittedTo(CONCERT).holding(SCHEDULE, 42).toppedUp(500);

        HttpResponse<String> paid = bob.payOnceAwaited("key-bob", 0, "tok_decline");

        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(Bookings.JSON.readTree(paid.body()).path("error").asString()).isEqualTo("PaymentFailed");
        assertThat(bob.reservationStatus()).isEqualTo("CANCELLED");
        assertThat(bob.balance()).isEqualTo(500);
        assertThat(card(bob)).isEqualTo(new Charges(0, 0));
        assertThat(bob.cardStatement().path("authorisations")).isEmpty();
    }

    @Test
    void providerTimingOut_isRetriedThenCompensated_voidingTheAuthorisationThatLanded() {
        Bookings.User carol = bookings.user("carol").admittedTo(CONCERT).holding(SCHEDULE, 43).toppedUp(500);

        carol.payOnceAwaited("key-carol", 10, "tok_timeout");
        JsonNode booking = carol.settledBooking();

        assertThat(booking.path("error").asString()).as(booking.toString()).isEqualTo("PaymentFailed");
        assertThat(booking.path("steps").findValuesAsString("name")).contains("CancelPaymentAfterAuthorisationFailure");
        assertThat(carol.reservationStatus()).isEqualTo("CANCELLED");
        assertThat(carol.balance()).isEqualTo(500);
        assertThat(card(carol)).isEqualTo(new Charges(0, 0));
        assertThat(carol.cardStatement().path("authorisations").findValuesAsString("status")).containsExactly("VOIDED");
    }

    @Test
    void failedPointDeduction_voidsTheCardAuthorisation() {
        Bookings.User dave = bookings.user("dave").admittedTo(CONCERT).holding(SCHEDULE, 44).toppedUp(20);

        HttpResponse<String> paid = dave.payOnceAwaited("key-dave", 50, "tok_approve");

        assertThat(Bookings.JSON.readTree(paid.body()).path("error").asString()).as(paid.body())
                .isEqualTo("InsufficientPoints");
        assertThat(dave.balance()).isEqualTo(20);
        assertThat(card(dave)).isEqualTo(new Charges(0, 0));
        assertThat(dave.cardStatement().path("authorisations").findValuesAsString("status")).containsExactly("VOIDED");
        assertThat(dave.events()).extracting(EventEnvelope::type).contains("PAYMENT_CANCELLED")
                .doesNotContain("PAYMENT_CAPTURED");
    }

    @Test
    void refundFailingOnCancellation_putsTheBookingOnTheFailuresQueue_afterThePointsCameBack() {
        Bookings.User erin = bookings.user("erin").admittedTo(CONCERT).holding(SCHEDULE, 45).toppedUp(500);
        HttpResponse<String> paid = erin.payOnceAwaited("key-erin", 30, "tok_refund_fails");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(card(erin)).isEqualTo(new Charges(R_PRICE - 30, 0));

        cancel(erin);

        Eventually.within(Bookings.WAIT.multipliedBy(2), () ->
                assertThat(cancellation(erin).status()).isEqualTo(ExecutionStatus.FAILED));
        assertThat(cancellation(erin).error()).isEqualTo("CompensationFailed");
        String queueUrl = runtime.clients().sqs().getQueueUrl(r -> r.queueName(
                runtime.settings().physicalName(ReservationResources.COMPENSATION_FAILURES_QUEUE))).queueUrl();
        List<JsonNode> stuck = new ArrayList<>();
        Eventually.within(Bookings.WAIT, () -> {
            runtime.clients().sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()
                    .forEach(message -> stuck.add(Bookings.JSON.readTree(message.body())));
            assertThat(stuck).anySatisfy(message -> assertThat(message.toString()).contains(erin.reservationId)
                    .contains("CancelPayment"));
        });
        assertThat(erin.balance()).isEqualTo(500);
        assertThat(card(erin)).as("the refund is what got stuck").isEqualTo(new Charges(R_PRICE - 30, 0));
    }

    @Test
    void captureRefused_afterConfirmation_refundsThePoints_voidsTheCard_andReleasesTheSeat() {
        Bookings.User ivan = bookings.user("ivan").admittedTo(CONCERT).holding(SCHEDULE, 39).toppedUp(500);

        HttpResponse<String> paid = ivan.payOnceAwaited("key-ivan", 30, "tok_capture_fails");

        // the compensations may outlast the payment's wait for its outcome (then 202, still processing)
        assertThat(paid.statusCode()).as(paid.body()).isIn(200, 202);
        JsonNode booking = ivan.settledBooking();
        assertThat(booking.path("error").asString()).as(booking.toString()).isEqualTo("CaptureFailed");
        assertThat(booking.path("steps").findValuesAsString("name")).contains("ConfirmReservation",
                "RefundPointsAfterCaptureFailure", "CancelPaymentAfterCaptureFailure", "ReleaseSeatsAfterCaptureFailure");
        assertThat(ivan.reservationStatus()).isEqualTo("CANCELLED");
        Eventually.within(Bookings.SEAT_MAP_WAIT, () -> assertThat(bookings.seatStatus(SCHEDULE, 39)).isEqualTo("FREE"));
        assertThat(ivan.balance()).isEqualTo(500);
        assertThat(card(ivan)).isEqualTo(new Charges(0, 0));
        assertThat(ivan.cardStatement().path("authorisations").findValuesAsString("status")).containsExactly("VOIDED");
        assertThat(ivan.events()).extracting(EventEnvelope::type).doesNotContain("POINT_EARNED", "PAYMENT_CAPTURED");
    }

    @Test
    void cancellation_isRefusedWithItsProblemType_onceTheEarnedPointsAreSpent_andNothingIsUndone() {
        Bookings.User judy = bookings.user("judy").admittedTo(CONCERT).holding(SCHEDULE, 37, 38).toppedUp(90);
        judy.payOnceAwaited("key-judy-1", 0, "tok_approve");
        assertThat(judy.settledBooking().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(judy.balance()).as("90 bought + 1 earned on the card part 180").isEqualTo(91);
        // the same fan spends all 91 points on a second booking, at another concert (card part 89 earns nothing)
        Bookings.User judyAgain = bookings.resume(judy).admittedTo("concert-2").holding("schedule-2-1", 37, 38);
        judyAgain.payOnceAwaited("key-judy-2", 91, "tok_approve");
        assertThat(judyAgain.settledBooking().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(judy.balance()).isZero();

        HttpResponse<String> cancelled = cancel(judy);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
        Eventually.within(Bookings.WAIT, () ->
                assertThat(cancellation(judy).status()).isEqualTo(ExecutionStatus.FAILED));
        JsonNode booking = judy.settledBooking();
        assertThat(booking.path("status").asString()).as(booking.toString()).isEqualTo("CONFIRMED");
        assertThat(booking.path("cancellation").path("error").asString()).isEqualTo("EarnedPointsSpent");
        assertThat(booking.path("cancellation").path("type").asString())
                .isEqualTo("https://ticketflow.dev/problems/earned-points-spent");
        assertThat(judy.reservationStatus()).isEqualTo("CONFIRMED");
        assertThat(judy.balance()).isZero();
        assertThat(card(judy)).isEqualTo(new Charges(2 * R_PRICE, 0));
    }

    @Test
    void pointsBeyondThePrice_orACardPartWithoutCard_is422InvalidPaymentSplit() {
        Bookings.User frank = bookings.user("frank").admittedTo(CONCERT).holding(SCHEDULE, 46).toppedUp(500);

        HttpResponse<String> tooMany = frank.payOnceAwaited("key-frank-1", R_PRICE + 1, "tok_approve");
        HttpResponse<String> noCard = frank.pay("key-frank-2", null, Map.of("pointsToUse", 10));

        for (HttpResponse<String> refused : List.of(tooMany, noCard)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(Bookings.JSON.readTree(refused.body()).path("type").asString())
                    .endsWith("/problems/invalid-payment-split");
        }
        assertThat(frank.reservationStatus()).isEqualTo("PENDING");
    }

    /** What the provider took from the card of a booking, and gave back. */
    record Charges(long captured, long refunded) {
    }

    private static Charges card(Bookings.User user) {
        JsonNode statement = user.cardStatement();
        return new Charges(statement.path("captured").longValue(), statement.path("refunded").longValue());
    }

    private static HttpResponse<String> cancel(Bookings.User user) {
        return bookings.send("POST", "/reservations/" + user.reservationId + "/cancellation", user.bearer, null,
                Map.of());
    }

    private static String bookingArn(Bookings.User user) {
        return runtime.stateMachineArn(SagaDefinition.BOOKING).replace(":stateMachine:", ":execution:") + ":"
                + user.reservationId;
    }

    private static ExecutionDescription cancellation(Bookings.User user) {
        return runtime.stepFunctions().describeExecution(runtime.stateMachineArn(SagaDefinition.CANCELLATION)
                .replace(":stateMachine:", ":execution:") + ":" + user.reservationId);
    }
}

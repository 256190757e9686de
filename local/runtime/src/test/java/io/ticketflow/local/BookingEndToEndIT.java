package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The booking saga through the local runtime, over HTTP only, with every real service: queue → active → hold →
 * charge → pay, then one test per failure point of DESIGN §3 (made to happen with {@code X-Fault-Inject}, a
 * short balance, or a short hold), asserting the compensations by their end state in every service.
 */
@ExtendWith(MotoExtension.class)
class BookingEndToEndIT {

    /** What each function called while the tests ran, against its catalogue grants. */
    @RegisterExtension
    static final GrantsAudit.Check GRANTS = new GrantsAudit.Check("holdSeats", "awaitPayment", "pay", "authorisePayment", "capturePayment", "deductPoints",
            "confirmReservation", "reportStuckBooking");

    /** Short enough for the timeout test, long enough for a booking on a busy machine. */
    static final int HOLD_SECONDS = 12;
    private static final String CONCERT = "concert-1";
    private static final String SCHEDULE = "schedule-1-1";
    private static final int R_PRICE = 90;

    private static LocalRuntime runtime;
    private static Bookings bookings;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = LocalRuntime.start(new LocalOptions(0, endpoint.uri(), endpoint.region(), "booking-",
                ProjectRoot.find(), Map.of(LocalOptions.ALL_SCHEDULES, 1),
                Map.of("RESERVATION_HOLD_SECONDS", String.valueOf(HOLD_SECONDS)), true), Topology.catalogue());
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void happyPath_queueActiveHoldChargePay_confirmsWithEveryEventOnceAndValid() {
        Bookings.User alice = bookings.user("alice").admittedTo(CONCERT).holding(SCHEDULE, 11, 12).toppedUp(500);

        HttpResponse<String> paid = alice.payOnceAwaited("key-" + alice.userId, null);

        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        JsonNode answer = Bookings.JSON.readTree(paid.body());
        assertThat(answer.path("status").asString()).isEqualTo("CONFIRMED");
        String paymentId = answer.path("paymentId").asString();
        JsonNode booking = alice.settledBooking();
        assertThat(booking.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(stepNames(booking)).containsSubsequence("AwaitPayment", "AuthorisePayment", "DeductPoints",
                "ConfirmReservation", "CapturePayment", "EarnPoints", "ExpireQueueToken");
        assertThat(runtime.stepFunctions().stateTransitions(bookings.executionArn(alice))).isEqualTo(8);

        assertThat(alice.reservationStatus()).isEqualTo("CONFIRMED");
        Eventually.within(Bookings.SEAT_MAP_WAIT, () -> {
            assertThat(bookings.seatStatus(SCHEDULE, 11)).isEqualTo("SOLD");
            assertThat(bookings.seatStatus(SCHEDULE, 12)).isEqualTo("SOLD");
        });
        assertThat(alice.balance()).isEqualTo(500 - 2 * R_PRICE);
        assertThat(ledgerTypes(alice)).containsExactlyInAnyOrder("CHARGED", "DEDUCTED");
        assertThat(Bookings.JSON.readTree(alice.payment(paymentId).body()).path("status").asString()).isEqualTo("CAPTURED");
        assertThat(alice.queueStatus()).isEqualTo("EXPIRED");
        assertThat(alice.eventTypes()).containsExactly("PAYMENT_AUTHORISED", "PAYMENT_CAPTURED", "POINT_CHARGED", "POINT_DEDUCTED",
                "QUEUE_ACTIVATED", "QUEUE_EXPIRED", "QUEUE_WAITING", "RESERVATION_CONFIRMED", "RESERVATION_CREATED");
        assertThat(alice.events()).filteredOn(e -> e.type().equals("QUEUE_EXPIRED"))
                .singleElement().satisfies(e -> assertThat(e.payload().path("reason").asString()).isEqualTo("BOOKED"));
    }

    @Test
    void paymentFails_releasesSeatsRestoresQueueTokenAndChargesNothing() {
        Bookings.User bob = bookings.user("bob").admittedTo(CONCERT).holding(SCHEDULE, 13).toppedUp(500);

        bob.payOnceAwaited("key-" + bob.userId, "authorisePayment");
        JsonNode booking = bob.settledBooking();

        assertThat(booking.path("status").asString()).isEqualTo("FAILED");
        assertThat(booking.path("error").asString()).isEqualTo("PaymentFailed");
        assertThat(stepNames(booking)).contains("ReleaseSeatsAfterPaymentFailure", "RestoreQueueToken");
        assertThat(bob.reservationStatus()).isEqualTo("CANCELLED");
        Eventually.within(Bookings.SEAT_MAP_WAIT, () -> assertThat(bookings.seatStatus(SCHEDULE, 13)).isEqualTo("FREE"));
        assertThat(bob.balance()).isEqualTo(500);
        assertThat(ledgerTypes(bob)).containsExactly("CHARGED");
        // back to WAITING (QUEUE_RESTORED), then re-admitted first at the next activation tick
        assertThat(bob.events()).anyMatch(e -> e.type().equals("QUEUE_RESTORED"));
        Eventually.within(Bookings.SEAT_MAP_WAIT, () -> assertThat(bob.queueStatus()).isEqualTo("ACTIVE"));
        assertThat(bob.eventTypes()).doesNotContain("PAYMENT_AUTHORISED", "POINT_DEDUCTED")
                .contains("RESERVATION_CANCELLED");
    }

    @Test
    void insufficientPoints_cancelsPaymentReleasesSeatsAndLeavesQueueTokenActive() {
        Bookings.User carol = bookings.user("carol").admittedTo(CONCERT).holding(SCHEDULE, 14).toppedUp(R_PRICE - 1);

        carol.payOnceAwaited("key-" + carol.userId, null);
        JsonNode booking = carol.settledBooking();

        assertThat(booking.path("error").asString()).isEqualTo("InsufficientPoints");
        assertThat(stepNames(booking)).contains("CancelPaymentAfterDeductionFailure", "ReleaseSeatsAfterDeductionFailure")
                .doesNotContain("RestoreQueueToken", "ConfirmReservation");
        assertThat(carol.reservationStatus()).isEqualTo("CANCELLED");
        Eventually.within(Bookings.SEAT_MAP_WAIT, () -> assertThat(bookings.seatStatus(SCHEDULE, 14)).isEqualTo("FREE"));
        assertThat(carol.balance()).isEqualTo(R_PRICE - 1);
        assertThat(ledgerTypes(carol)).containsExactly("CHARGED");
        assertThat(paymentStatus(carol)).isEqualTo("CANCELLED");
        assertThat(carol.queueStatus()).isEqualTo("ACTIVE");
    }

    @Test
    void confirmationFails_refundsPointsCancelsPaymentAndReleasesSeats() {
        Bookings.User dave = bookings.user("dave").admittedTo(CONCERT).holding(SCHEDULE, 15).toppedUp(500);

        dave.payOnceAwaited("key-" + dave.userId, "confirmReservation");
        JsonNode booking = dave.settledBooking();

        assertThat(booking.path("error").asString()).isEqualTo("ConfirmationFailed");
        assertThat(stepNames(booking)).contains("RefundPointsAfterConfirmationFailure",
                "CancelPaymentAfterConfirmationFailure", "ReleaseSeatsAfterConfirmationFailure");
        assertThat(dave.reservationStatus()).isEqualTo("CANCELLED");
        Eventually.within(Bookings.SEAT_MAP_WAIT, () -> assertThat(bookings.seatStatus(SCHEDULE, 15)).isEqualTo("FREE"));
        assertThat(dave.balance()).isEqualTo(500);
        assertThat(ledgerTypes(dave)).containsExactlyInAnyOrder("CHARGED", "DEDUCTED", "REFUNDED");
        assertThat(paymentStatus(dave)).isEqualTo("CANCELLED");
        assertThat(dave.eventTypes()).contains("POINT_REFUNDED", "PAYMENT_CANCELLED", "RESERVATION_CANCELLED");
    }

    @Test
    void noPaymentWithinTheHold_expiresReservationAndQueueToken() {
        Bookings.User erin = bookings.user("erin").admittedTo(CONCERT).holding(SCHEDULE, 16);

        JsonNode booking = erin.settledBooking();

        assertThat(booking.path("error").asString()).isEqualTo("HoldExpired");
        assertThat(stepNames(booking)).contains("ReleaseExpiredHold", "ExpireUnusedQueueToken")
                .doesNotContain("AuthorisePayment");
        assertThat(erin.reservationStatus()).isEqualTo("EXPIRED");
        Eventually.within(Bookings.SEAT_MAP_WAIT, () -> assertThat(bookings.seatStatus(SCHEDULE, 16)).isEqualTo("FREE"));
        assertThat(erin.queueStatus()).isEqualTo("EXPIRED");
        assertThat(erin.events()).filteredOn(e -> e.type().equals("QUEUE_EXPIRED")).singleElement()
                .satisfies(e -> assertThat(e.payload().path("reason").asString()).isEqualTo("HOLD_EXPIRED"));
    }

    @Test
    void compensationFailingPastItsRetries_putsTheStuckBookingOnTheFailuresQueue() {
        Bookings.User heidi = bookings.user("heidi").admittedTo(CONCERT).holding(SCHEDULE, 18).toppedUp(500);

        heidi.payOnceAwaited("key-" + heidi.userId, "confirmReservation,refundPoints");
        JsonNode booking = heidi.settledBooking();

        assertThat(booking.path("error").asString()).isEqualTo("CompensationFailed");
        assertThat(stepNames(booking)).contains("RefundPointsAfterConfirmationFailure", "ReportStuckBooking");
        String queueUrl = runtime.clients().sqs().getQueueUrl(r -> r.queueName(
                runtime.settings().physicalName(ReservationResources.COMPENSATION_FAILURES_QUEUE))).queueUrl();
        List<JsonNode> stuck = new ArrayList<>();
        Eventually.within(Bookings.WAIT, () -> {
            runtime.clients().sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()
                    .forEach(message -> stuck.add(Bookings.JSON.readTree(message.body())));
            assertThat(stuck).anySatisfy(message -> assertThat(message.toString()).contains(heidi.reservationId));
        });
        assertThat(heidi.balance()).as("the refund is what got stuck").isEqualTo(500 - R_PRICE);
    }

    @Test
    void samePayRequestTwiceConcurrently_paysOnceAndDeductsOnce() throws Exception {
        Bookings.User frank = bookings.user("frank").admittedTo(CONCERT).holding(SCHEDULE, 17).toppedUp(500);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                requests.add(CompletableFuture.supplyAsync(() -> frank.payOnceAwaited("same-key", null), pool));
            }
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(frank.settledBooking().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(requests).allSatisfy(r -> assertThat(r.get().statusCode()).as(r.get().body()).isIn(200, 202));
        assertThat(frank.balance()).isEqualTo(500 - R_PRICE);
        assertThat(ledgerTypes(frank)).containsExactlyInAnyOrder("CHARGED", "DEDUCTED");
        assertThat(frank.events()).extracting(EventEnvelope::type)
                .containsOnlyOnce("PAYMENT_AUTHORISED", "POINT_DEDUCTED", "RESERVATION_CONFIRMED");
    }

    private static String paymentStatus(Bookings.User user) {
        HttpResponse<String> payment = user.payment(Payment.idFor(user.reservationId));
        return payment.statusCode() == 200 ? Bookings.JSON.readTree(payment.body()).path("status").asString()
                : "HTTP " + payment.statusCode();
    }

    private static List<String> stepNames(JsonNode booking) {
        List<String> names = new ArrayList<>();
        booking.path("steps").forEach(step -> names.add(step.path("name").asString()));
        return names;
    }

    private static List<String> ledgerTypes(Bookings.User user) {
        List<String> types = new ArrayList<>();
        user.history().path("entries").forEach(line -> types.add(line.path("type").asString()));
        return types;
    }
}

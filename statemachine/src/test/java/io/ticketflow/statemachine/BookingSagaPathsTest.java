package io.ticketflow.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.saga.InsufficientPoints;
import io.ticketflow.kernel.saga.PaymentDeclined;
import io.ticketflow.kernel.saga.ReservationNotPending;
import io.ticketflow.kernel.saga.StepFaultInjected;
import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.local.stepfunctions.ExecutionDescription;
import io.ticketflow.local.stepfunctions.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every path of {@code booking-saga.asl.json} (DESIGN §3) on the local emulator: which functions run in which
 * order with which ids, how the execution ends, and how many state transitions it costs.
 */
class BookingSagaPathsTest {

    private static final String FORWARD = "awaitPayment authorisePayment deductPoints confirmReservation capturePayment";

    private final SagaRun saga = new SagaRun(SagaDefinition.BOOKING);

    @AfterEach
    void close() {
        saga.close();
    }

    @Test
    void paymentArrives_runsEveryStepOnceInOrder_andSucceedsInEightTransitions() throws Exception {
        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(saga.functions.sequence()).containsExactly("awaitPayment", "authorisePayment", "deductPoints",
                "confirmReservation", "capturePayment", "earnPoints", "expireQueueToken");
        assertThat(saga.transitions()).isEqualTo(8).isLessThanOrEqualTo(10);

        JsonNode await = saga.functions.onlyCallTo("awaitPayment");
        assertThat(await.path("taskToken").asString()).isNotBlank();
        assertThat(fields(await, "reservationId", "userId", "concertId", "queueToken"))
                .containsExactly("r-1", "user-7", "concert-1", "qt-1");
        assertThat(await.path("amount").intValue()).isEqualTo(30);
        assertThat(await.path("holdSeconds").intValue()).isEqualTo(300);
        assertThat(await.path("seatNos").toString()).isEqualTo("[3,4]");

        JsonNode authorise = saga.functions.onlyCallTo("authorisePayment");
        assertThat(fields(authorise, "reservationId", "userId", "paymentRequestId", "idempotencyKey"))
                .containsExactly("r-1", "user-7", "pr-1", "key-1");
        assertThat(authorise.path("amount").intValue()).isEqualTo(30);
        assertThat(authorise.path("payment").path("pointsToUse").intValue()).isEqualTo(10);
        assertThat(authorise.path("payment").path("paymentMethod").asString()).isEqualTo("tok_approve");

        JsonNode deduct = saga.functions.onlyCallTo("deductPoints");
        assertThat(fields(deduct, "operationId", "userId", "reservationId")).containsExactly("r-1:deduct", "user-7", "r-1");
        assertThat(deduct.path("amount").intValue()).as("the points part only").isEqualTo(10);

        assertThat(fields(saga.functions.onlyCallTo("confirmReservation"), "reservationId", "paymentId"))
                .containsExactly("r-1", "pay-1");
        assertThat(fields(saga.functions.onlyCallTo("capturePayment"), "reservationId", "paymentId"))
                .containsExactly("r-1", "pay-1");
        JsonNode earn = saga.functions.onlyCallTo("earnPoints");
        assertThat(fields(earn, "operationId", "userId", "reservationId")).containsExactly("r-1:earn", "user-7", "r-1");
        assertThat(earn.path("cardAmount").intValue()).as("earned on the card part").isEqualTo(20);
        assertThat(fields(saga.functions.onlyCallTo("expireQueueToken"), "queueToken", "reason"))
                .containsExactly("qt-1", "BOOKED");
    }

    @Test
    void paymentWithFaultAt_handsThePaymentOutputToEveryLaterStep() throws Exception {
        saga.start(SagaRun.BOOKING_INPUT)
                .pay(SagaRun.payment("nothing")).finish();

        for (String step : List.of("authorisePayment", "deductPoints", "confirmReservation", "capturePayment",
                "earnPoints", "expireQueueToken")) {
            assertThat(saga.functions.onlyCallTo(step).path("payment").path("faultAt").asString()).as(step)
                    .isEqualTo("nothing");
        }
    }

    @Test
    void paymentWithFaultAt_reachesTheCompensationsThatRunAfterThePayment_soTheyCanBeFailedOnPurposeToo()
            throws Exception {
        saga.functions.failing("confirmReservation", StepFaultInjected.class.getName());

        saga.start(SagaRun.BOOKING_INPUT)
                .pay(SagaRun.payment("refundPoints")).finish();

        for (String step : List.of("refundPoints", "cancelPayment", "releaseSeats")) {
            assertThat(saga.functions.onlyCallTo(step).path("payment").path("faultAt").asString()).as(step)
                    .isEqualTo("refundPoints");
        }
    }

    @Test
    void noPaymentWithinTheHold_releasesSeatsAsExpiredAndExpiresTheQueueToken_failsHoldExpired() throws Exception {
        Instant started = saga.time.now();

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).finish();

        assertThat(end.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(end.error()).isEqualTo("HoldExpired");
        assertThat(Duration.between(started, end.stopDate())).isEqualTo(Duration.ofSeconds(300));
        assertThat(saga.functions.sequence()).containsExactly("awaitPayment", "releaseSeats", "expireQueueToken");
        assertThat(fields(saga.functions.onlyCallTo("releaseSeats"), "reservationId", "outcome", "reason"))
                .containsExactly("r-1", "EXPIRED", "HOLD_EXPIRED");
        assertThat(fields(saga.functions.onlyCallTo("expireQueueToken"), "queueToken", "reason"))
                .containsExactly("qt-1", "HOLD_EXPIRED");
        assertThat(saga.transitions()).isEqualTo(4);
    }

    @Test
    void paymentDeclined_voidsReleasesSeatsAndRestoresQueueToken_failsPaymentFailed() throws Exception {
        saga.functions.failing("authorisePayment", PaymentDeclined.class.getName());

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.error()).isEqualTo("PaymentFailed");
        assertThat(saga.functions.sequence()).containsExactly("awaitPayment", "authorisePayment", "cancelPayment",
                "releaseSeats", "restoreQueueToken");
        JsonNode cancel = saga.functions.onlyCallTo("cancelPayment");
        assertThat(fields(cancel, "reservationId", "reason")).as("a timed-out authorisation may have landed: voided")
                .containsExactly("r-1", "PAYMENT_FAILED");
        assertThat(cancel.path("payment").path("cardAmount").intValue()).isEqualTo(20);
        assertThat(fields(saga.functions.onlyCallTo("releaseSeats"), "reservationId", "outcome", "reason"))
                .containsExactly("r-1", "CANCELLED", "PAYMENT_FAILED");
        assertThat(fields(saga.functions.onlyCallTo("restoreQueueToken"), "queueToken", "reservationId"))
                .as("the booking whose payment failed: a token is restored once per booking").containsExactly("qt-1", "r-1");
        assertThat(saga.transitions()).isEqualTo(6);
    }

    @Test
    void insufficientPoints_refundsNothingCancelsPaymentAndReleasesSeats_leavesQueueTokenActive_failsInsufficientPoints()
            throws Exception {
        saga.functions.failing("deductPoints", InsufficientPoints.class.getName());

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.error()).isEqualTo("InsufficientPoints");
        assertThat(saga.functions.sequence()).containsExactly("awaitPayment", "authorisePayment", "deductPoints",
                "refundPoints", "cancelPayment", "releaseSeats");
        assertThat(saga.functions.callsTo("deductPoints")).as("a business error is not retried").hasSize(1);
        assertThat(fields(saga.functions.onlyCallTo("refundPoints"), "operationId", "deductOperationId"))
                .as("a deduction that wrote before its step failed is given back; none here, so the refund finds nothing")
                .containsExactly("r-1:refund", "r-1:deduct");
        assertThat(fields(saga.functions.onlyCallTo("cancelPayment"), "reservationId", "paymentId", "reason"))
                .containsExactly("r-1", "pay-1", "INSUFFICIENT_POINTS");
        assertThat(fields(saga.functions.onlyCallTo("releaseSeats"), "reservationId", "outcome", "reason"))
                .containsExactly("r-1", "CANCELLED", "INSUFFICIENT_POINTS");
        assertThat(saga.transitions()).isEqualTo(7);
    }

    @Test
    void confirmationFails_refundsPointsCancelsPaymentAndReleasesSeats_failsConfirmationFailed() throws Exception {
        saga.functions.failing("confirmReservation", ReservationNotPending.class.getName());

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.error()).isEqualTo("ConfirmationFailed");
        assertThat(saga.functions.sequence()).containsExactly("awaitPayment", "authorisePayment", "deductPoints",
                "confirmReservation", "refundPoints", "cancelPayment", "releaseSeats");
        JsonNode refund = saga.functions.onlyCallTo("refundPoints");
        assertThat(fields(refund, "operationId", "deductOperationId", "userId", "reservationId"))
                .containsExactly("r-1:refund", "r-1:deduct", "user-7", "r-1");
        assertThat(refund.path("amount").intValue()).isEqualTo(10);
        assertThat(fields(saga.functions.onlyCallTo("cancelPayment"), "reservationId", "paymentId", "reason"))
                .containsExactly("r-1", "pay-1", "CONFIRMATION_FAILED");
        assertThat(fields(saga.functions.onlyCallTo("releaseSeats"), "reservationId", "outcome", "reason"))
                .containsExactly("r-1", "CANCELLED", "CONFIRMATION_FAILED");
        assertThat(saga.transitions()).isEqualTo(8);
    }

    @Test
    void captureFails_refundsPointsVoidsTheAuthorisationAndReleasesTheConfirmedSeats_failsCaptureFailed()
            throws Exception {
        saga.functions.failing("capturePayment", PaymentDeclined.class.getName());

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.error()).isEqualTo("CaptureFailed");
        assertThat(saga.functions.sequence()).containsExactly("awaitPayment", "authorisePayment", "deductPoints",
                "confirmReservation", "capturePayment", "refundPoints", "cancelPayment", "releaseSeats");
        assertThat(fields(saga.functions.onlyCallTo("cancelPayment"), "reservationId", "paymentId", "reason"))
                .containsExactly("r-1", "pay-1", "CAPTURE_FAILED");
        assertThat(fields(saga.functions.onlyCallTo("releaseSeats"), "reservationId", "outcome", "reason"))
                .containsExactly("r-1", "CANCELLED", "CAPTURE_FAILED");
        assertThat(saga.transitions()).isEqualTo(9);
    }

    @Test
    void queueTokenExpiryFails_compensatesNothing_andStillSucceedsWithTheFailureInTheOutput() throws Exception {
        saga.functions.failing("expireQueueToken", StepFaultInjected.class.getName());

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(saga.functions.sequence()).containsExactly("awaitPayment", "authorisePayment", "deductPoints",
                "confirmReservation", "capturePayment", "earnPoints", "expireQueueToken");
        assertThat(SagaFunctionFakes.JSON.readTree(end.output()).path("queueTokenExpiryFailure").path("Error")
                .asString()).isEqualTo(StepFaultInjected.class.getName());
        assertThat(saga.transitions()).isEqualTo(8);
    }

    @Test
    void earningFailsPastItsRetries_compensatesNothing_reportsTheUnearnedPoints_andTheBookingStands() throws Exception {
        saga.functions.failing("earnPoints", TransientStepError.class.getName());

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(saga.functions.callsTo("earnPoints")).hasSize(1 + 3);
        assertThat(saga.functions.sequence()).endsWith("earnPoints", "reportStuckBooking", "expireQueueToken")
                .doesNotContain("refundPoints", "cancelPayment", "releaseSeats");
        JsonNode report = saga.functions.onlyCallTo("reportStuckBooking");
        assertThat(report.path("reservationId").asString()).isEqualTo("r-1");
        assertThat(report.path("stuck").path("EarnPoints").path("Error").asString())
                .isEqualTo(TransientStepError.class.getName());
        assertThat(SagaFunctionFakes.JSON.readTree(end.output()).path("earningFailure").path("Error").asString())
                .isEqualTo(TransientStepError.class.getName());
        // eight, one more state, and the three retries of EarnPoints (Step Functions bills a retry as a transition)
        assertThat(saga.transitions()).isEqualTo(8 + 1 + 3);
    }

    @Test
    void awaitPaymentFunctionFails_releasesSeatsAndRestoresQueueToken_failsPaymentFailed() throws Exception {
        saga.functions.failing("awaitPayment", "java.lang.IllegalStateException");

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).finish();

        assertThat(end.error()).isEqualTo("PaymentFailed");
        assertThat(saga.functions.sequence()).containsExactly("awaitPayment", "releaseSeats", "restoreQueueToken");
    }

    @Test
    void aStepWhoseFunctionDied_lambdaUnknown_isRetried_sinceEveryStepIsIdempotent() throws Exception {
        saga.functions.failingFirst("deductPoints", 1, "Lambda.Unknown")
                .failingFirst("confirmReservation", 1, "Lambda.Unknown");

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(saga.functions.sequence()).containsExactly("awaitPayment", "authorisePayment", "deductPoints",
                "deductPoints", "confirmReservation", "confirmReservation", "capturePayment", "earnPoints",
                "expireQueueToken");
    }

    @Test
    void transientErrors_areRetriedWithBackoff_andEachRetryCountsAsATransition() throws Exception {
        saga.functions.failingFirst("authorisePayment", 2, "Lambda.TooManyRequestsException")
                .failingFirst("deductPoints", 1, TransientStepError.class.getName());
        Instant started = saga.time.now();

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(saga.functions.sequence()).containsExactly("awaitPayment", "authorisePayment", "authorisePayment",
                "authorisePayment", "deductPoints", "deductPoints", "confirmReservation", "capturePayment",
                "earnPoints", "expireQueueToken");
        assertThat(saga.transitions()).isEqualTo(8 + 3);
        assertThat(Duration.between(started, end.stopDate())).as("back-off 1 s + 2 s, then 1 s")
                .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void transientErrorsPastTheRetries_compensateLikeAFailureOfThatStep() throws Exception {
        saga.functions.failing("authorisePayment", TransientStepError.class.getName());

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.error()).isEqualTo("PaymentFailed");
        assertThat(saga.functions.callsTo("authorisePayment")).hasSize(1 + 3);
        assertThat(saga.functions.sequence()).endsWith("cancelPayment", "releaseSeats", "restoreQueueToken");
    }

    @Test
    void compensationFailingPastItsRetries_reportsTheStuckBooking_failsCompensationFailed() throws Exception {
        saga.functions.failing("authorisePayment", PaymentDeclined.class.getName())
                .failing("releaseSeats", "Lambda.ServiceException");

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.error()).isEqualTo("CompensationFailed");
        assertThat(saga.functions.callsTo("releaseSeats")).hasSize(1 + 4);
        assertThat(saga.functions.callsTo("restoreQueueToken")).isEmpty();
        JsonNode report = saga.functions.onlyCallTo("reportStuckBooking");
        assertThat(report.path("reservationId").asString()).isEqualTo("r-1");
        assertThat(report.path("executionArn").asString()).endsWith(":booking-saga:r-1");
        assertThat(report.path("failure").path("Error").asString()).isEqualTo(PaymentDeclined.class.getName());
        assertThat(report.path("stuck").path("ReleaseSeatsAfterPaymentFailure").path("Error").asString())
                .isEqualTo("Lambda.ServiceException");
        assertThat(report.path("booking").path("queueToken").asString()).isEqualTo("qt-1");
    }

    @Test
    void compensationFailingTransiently_isRetriedAndTheChainCompletes() throws Exception {
        saga.functions.failing("confirmReservation", ReservationNotPending.class.getName())
                .failingFirst("refundPoints", 2, "Lambda.ServiceException");

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.error()).isEqualTo("ConfirmationFailed");
        assertThat(saga.functions.callsTo("refundPoints")).hasSize(3);
        assertThat(saga.functions.sequence()).endsWith("refundPoints", "cancelPayment", "releaseSeats");
        assertThat(saga.functions.callsTo("reportStuckBooking")).isEmpty();
    }

    @Test
    void reportingTheStuckBookingFailing_stillEndsInCompensationFailed() throws Exception {
        saga.functions.failing("authorisePayment", PaymentDeclined.class.getName())
                .failing("restoreQueueToken", "Lambda.ServiceException")
                .failing("reportStuckBooking", "Lambda.ServiceException");

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.error()).isEqualTo("CompensationFailed");
        assertThat(saga.functions.callsTo("reportStuckBooking")).hasSize(1 + 5);
    }

    static Stream<Arguments> injectedFaults() {
        return Stream.of(
                Arguments.of("authorisePayment", "PaymentFailed",
                        List.of("cancelPayment", "releaseSeats", "restoreQueueToken")),
                Arguments.of("deductPoints", "InsufficientPoints", List.of("refundPoints", "cancelPayment", "releaseSeats")),
                Arguments.of("confirmReservation", "ConfirmationFailed",
                        List.of("refundPoints", "cancelPayment", "releaseSeats")),
                Arguments.of("capturePayment", "CaptureFailed",
                        List.of("refundPoints", "cancelPayment", "releaseSeats")));
    }

    @ParameterizedTest(name = "fault at {0} → {1}")
    @MethodSource("injectedFaults")
    void injectedFaultAtAForwardStep_isNotRetriedAndRunsThatStepsCompensations(String step, String error,
                                                                                List<String> compensations)
            throws Exception {
        saga.functions.failing(step, StepFaultInjected.class.getName());

        ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

        assertThat(end.error()).isEqualTo(error);
        List<String> forward = List.of(FORWARD.substring(0, FORWARD.indexOf(step) + step.length()).split(" "));
        assertThat(saga.functions.sequence()).containsExactlyElementsOf(
                Stream.concat(forward.stream(), compensations.stream()).toList());
    }

    private static List<String> fields(JsonNode payload, String... names) {
        return Stream.of(names).map(name -> payload.path(name).asString(null)).toList();
    }
}

package io.ticketflow.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.saga.EarnedPointsSpent;
import io.ticketflow.local.stepfunctions.ExecutionDescription;
import io.ticketflow.local.stepfunctions.ExecutionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every path of {@code booking-cancellation.asl.json}: refund points, cancel the payment, release the seats. */
class BookingCancellationPathsTest {

    private static final String INPUT = "{\"reservationId\":\"r-1\",\"userId\":\"user-7\",\"totalPrice\":30}";

    private final SagaRun saga = new SagaRun(SagaDefinition.CANCELLATION);

    @AfterEach
    void close() {
        saga.close();
    }

    @Test
    void cancellation_takesBackEarnedPointsRefundsCancelsAndReleasesInThatOrder_andSucceedsInFiveTransitions()
            throws Exception {
        ExecutionDescription end = saga.start(INPUT).finish();

        assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(saga.functions.sequence()).containsExactly("takeBackEarnedPoints", "refundPoints", "cancelPayment",
                "releaseSeats");
        assertThat(saga.functions.onlyCallTo("takeBackEarnedPoints").path("operationId").asString())
                .isEqualTo("r-1:take-back");
        JsonNode refund = saga.functions.onlyCallTo("refundPoints");
        assertThat(refund.path("operationId").asString()).isEqualTo("r-1:refund");
        assertThat(refund.path("deductOperationId").asString()).isEqualTo("r-1:deduct");
        assertThat(refund.path("amount").intValue()).isEqualTo(30);
        assertThat(saga.functions.onlyCallTo("cancelPayment").path("reason").asString()).isEqualTo("BOOKING_CANCELLED");
        JsonNode release = saga.functions.onlyCallTo("releaseSeats");
        assertThat(release.path("outcome").asString()).isEqualTo("CANCELLED");
        assertThat(release.path("reason").asString()).isEqualTo("BOOKING_CANCELLED");
        assertThat(saga.transitions()).isEqualTo(5);
    }

    @Test
    void earnedPointsSpent_refusesTheCancellationBeforeAnythingIsUndone_notRetried_andReportsNothing()
            throws Exception {
        saga.functions.failing("takeBackEarnedPoints", EarnedPointsSpent.class.getName());

        ExecutionDescription end = saga.start(INPUT).finish();

        assertThat(end.error()).isEqualTo("EarnedPointsSpent");
        assertThat(saga.functions.sequence()).containsExactly("takeBackEarnedPoints");
    }

    @Test
    void stepFailingPastItsRetries_reportsTheStuckBooking_failsCompensationFailed() throws Exception {
        saga.functions.failing("cancelPayment", "Lambda.ServiceException");

        ExecutionDescription end = saga.start(INPUT).finish();

        assertThat(end.error()).isEqualTo("CompensationFailed");
        assertThat(saga.functions.callsTo("cancelPayment")).hasSize(1 + 4);
        assertThat(saga.functions.callsTo("releaseSeats")).isEmpty();
        assertThat(saga.functions.onlyCallTo("reportStuckBooking").path("stuck").path("CancelPayment")
                .path("Error").asString()).isEqualTo("Lambda.ServiceException");
    }
}

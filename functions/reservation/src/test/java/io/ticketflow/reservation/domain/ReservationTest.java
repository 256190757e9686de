package io.ticketflow.reservation.domain;

import static io.ticketflow.reservation.domain.ReservationMother.NOW;
import static io.ticketflow.reservation.domain.ReservationMother.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReservationTest {

    private static final Instant AT_END = NOW.plusSeconds(300);

    @Test
    void hold_isPendingAtVersionOne_withTotalPriceAndEndAfterTheHoldTime() {
        Reservation reservation = pending(3, 12);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(reservation.version()).isEqualTo(1);
        assertThat(reservation.totalPrice()).isEqualTo(150 + 90);
        assertThat(reservation.expiresAt()).isEqualTo(AT_END);
        assertThat(reservation.seatNos()).containsExactly(3, 12);
    }

    @Test
    void statusAt_pendingHold_isPendingUntilItsEnd_andExpiredFromItsEnd() {
        Reservation reservation = pending(1);

        assertThat(reservation.statusAt(AT_END.minusMillis(1))).isEqualTo(ReservationStatus.PENDING);
        assertThat(reservation.statusAt(AT_END)).isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    void cancel_whilePending_isCancelledAtTheNextVersion() {
        Reservation cancelled = pending(1).cancel(NOW.plusSeconds(10));

        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(2);
        assertThat(cancelled.statusAt(AT_END.plusSeconds(60))).isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void cancel_afterTheHoldEnded_isRefusedAsNotPending() {
        assertThatThrownBy(() -> pending(1).cancel(AT_END))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ReservationProblems.RESERVATION_NOT_PENDING);
                    assertThat(problem.detail()).contains("EXPIRED");
                });
    }

    @Test
    void cancel_ofACancelledReservation_isRefusedAsNotPending() {
        Reservation cancelled = pending(1).cancel(NOW);

        assertThatThrownBy(() -> cancelled.cancel(NOW)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void expire_afterTheHoldEnded_isExpiredAtTheNextVersion() {
        Reservation expired = pending(1).expire(AT_END);

        assertThat(expired.status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(expired.version()).isEqualTo(2);
    }

    @Test
    void expire_beforeTheHoldEnded_orOfAFinishedReservation_isAProgrammingError() {
        assertThatThrownBy(() -> pending(1).expire(AT_END.minusMillis(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pending(1).cancel(NOW).expire(AT_END)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void confirm_whilePending_isConfirmed_andNeverExpiresAfterwards() {
        Reservation confirmed = pending(1).confirm(NOW.plusSeconds(60));

        assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(confirmed.statusAt(AT_END.plusSeconds(3600))).isEqualTo(ReservationStatus.CONFIRMED);
        assertThatThrownBy(() -> pending(1).confirm(AT_END)).isInstanceOf(ProblemException.class);
    }

    @Test
    void ownedBy_isTrueOnlyForTheHoldingUser() {
        assertThat(pending(1).ownedBy("user-42")).isTrue();
        assertThat(pending(1).ownedBy("user-43")).isFalse();
    }

    @Test
    void releaseFor_pendingStillHeld_cancelledOutcome_isCancelled() {
        assertThat(pending(1).releaseFor(ReservationStatus.CANCELLED, NOW)).hasValueSatisfying(released ->
                assertThat(released.status()).isEqualTo(ReservationStatus.CANCELLED));
    }

    @Test
    void releaseFor_pendingPastItsEnd_isExpired_whateverTheOutcomeAsked() {
        assertThat(pending(1).releaseFor(ReservationStatus.CANCELLED, AT_END)).hasValueSatisfying(released ->
                assertThat(released.status()).isEqualTo(ReservationStatus.EXPIRED));
        assertThat(pending(1).releaseFor(ReservationStatus.EXPIRED, AT_END)).hasValueSatisfying(released ->
                assertThat(released.status()).isEqualTo(ReservationStatus.EXPIRED));
    }

    @Test
    void releaseFor_expiryAskedBeforeTheEnd_isRefusedForNow() {
        assertThatThrownBy(() -> pending(1).releaseFor(ReservationStatus.EXPIRED, AT_END.minusSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void releaseFor_finishedReservation_hasNothingToUndo() {
        assertThat(pending(1).cancel(NOW).releaseFor(ReservationStatus.CANCELLED, NOW)).isEmpty();
        assertThat(pending(1).expire(AT_END).releaseFor(ReservationStatus.EXPIRED, AT_END)).isEmpty();
    }

    @Test
    void requireCancellableBooking_confirmed_isAllowed() {
        pending(1).confirm(NOW).requireCancellableBooking(NOW.plusSeconds(86_400));
    }

    @Test
    void requireCancellableBooking_pendingExpiredOrCancelled_isRefusedAsNotConfirmed() {
        for (Reservation notConfirmed : java.util.List.of(pending(1), pending(1).cancel(NOW), pending(1).expire(AT_END))) {
            assertThatThrownBy(() -> notConfirmed.requireCancellableBooking(AT_END))
                    .isInstanceOfSatisfying(ProblemException.class, problem ->
                            assertThat(problem.type()).isEqualTo(ReservationProblems.RESERVATION_NOT_CONFIRMED));
        }
    }

    @Test
    void releaseFor_bookingCancelled_onAConfirmedReservation_isCancelledAtTheNextVersion() {
        Reservation confirmed = pending(1).confirm(NOW);

        assertThat(confirmed.releaseFor(ReservationStatus.CANCELLED, CancelReason.BOOKING_CANCELLED, AT_END.plusSeconds(60)))
                .hasValueSatisfying(released -> {
                    assertThat(released.status()).isEqualTo(ReservationStatus.CANCELLED);
                    assertThat(released.version()).isEqualTo(confirmed.version() + 1);
                });
    }

    @Test
    void releaseFor_captureFailed_onAConfirmedReservation_undoesTheConfirmation() {
        Reservation confirmed = pending(1).confirm(NOW);

        assertThat(confirmed.releaseFor(ReservationStatus.CANCELLED, CancelReason.CAPTURE_FAILED, NOW))
                .hasValueSatisfying(released -> assertThat(released.status()).isEqualTo(ReservationStatus.CANCELLED));
        assertThat(pending(1).releaseFor(ReservationStatus.CANCELLED, CancelReason.CAPTURE_FAILED, NOW)).isEmpty();
    }

    @Test
    void releaseFor_confirmedReservation_anyOtherReason_hasNothingToUndo() {
        Reservation confirmed = pending(1).confirm(NOW);

        assertThat(confirmed.releaseFor(ReservationStatus.CANCELLED, CancelReason.PAYMENT_FAILED, NOW)).isEmpty();
        assertThat(confirmed.releaseFor(ReservationStatus.EXPIRED, CancelReason.BOOKING_CANCELLED, NOW)).isEmpty();
        assertThat(confirmed.releaseFor(ReservationStatus.CANCELLED, NOW)).isEmpty();
    }

    @Test
    void releaseFor_bookingCancelled_onACancelledReservation_hasNothingToUndo() {
        Reservation cancelled = pending(1).confirm(NOW)
                .releaseFor(ReservationStatus.CANCELLED, CancelReason.BOOKING_CANCELLED, NOW).orElseThrow();

        assertThat(cancelled.releaseFor(ReservationStatus.CANCELLED, CancelReason.BOOKING_CANCELLED, NOW)).isEmpty();
    }

    @Test
    void releaseFor_bookingCancelled_onAPendingHold_hasNothingToUndo() {
        assertThat(pending(1).releaseFor(ReservationStatus.CANCELLED, CancelReason.BOOKING_CANCELLED, NOW)).isEmpty();
    }
}

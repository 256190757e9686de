package io.ticketflow.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    private static final PaymentIntent INTENT =
            new PaymentIntent("r-1", "user-1", "concert-1", 900, "qt-1", "task-token", NOW.plusSeconds(300));

    @Test
    void idFor_isTheSameForOneReservation_andDiffersBetweenReservations() {
        assertThat(Payment.idFor("r-1")).isEqualTo(Payment.idFor("r-1")).isNotEqualTo(Payment.idFor("r-2"));
        assertThat(Payment.idFor("r-1")).hasSize(36);
    }

    @Test
    void processed_fromIntent_isVersion1_withTheIntentsAmountAndOwner() {
        Payment payment = Payment.processed(INTENT, NOW);

        assertThat(payment).isEqualTo(new Payment(Payment.idFor("r-1"), "r-1", "user-1", 900,
                PaymentStatus.PROCESSED, 1, NOW, null, null));
    }

    @Test
    void cancel_ofProcessed_isVersion2WithReason_andASecondCancelIsRefused() {
        Payment cancelled = Payment.processed(INTENT, NOW).cancel("BOOKING_CANCELLED", NOW.plusSeconds(5));

        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(2);
        assertThat(cancelled.reason()).isEqualTo("BOOKING_CANCELLED");
        assertThat(cancelled.cancelledAt()).isEqualTo(NOW.plusSeconds(5));
        assertThatThrownBy(() -> cancelled.cancel("AGAIN", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void intent_expiresExactlyAtTheEndOfTheHold() {
        assertThat(INTENT.expired(NOW.plusSeconds(299))).isFalse();
        assertThat(INTENT.expired(NOW.plusSeconds(300))).isTrue();
    }

    @Test
    void negativeAmount_isRejected() {
        assertThatThrownBy(() -> new PaymentIntent("r", "u", "c", -1, null, "t", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestKey_isScopedToTheUser() {
        PaymentRequest mine = new PaymentRequest("user-1", "k", "r-1", "req-1", null, NOW);
        PaymentRequest theirs = new PaymentRequest("user-2", "k", "r-1", "req-2", null, NOW);

        assertThat(mine.requestKey()).isNotEqualTo(theirs.requestKey());
    }

    @Test
    void requestKey_ofASubContainingTheSeparator_isNotAnotherUsersKey() {
        PaymentRequest mine = new PaymentRequest("a#", "b", "r-1", "req-1", null, NOW);
        PaymentRequest theirs = new PaymentRequest("a", "#b", "r-2", "req-2", null, NOW);

        assertThat(mine.requestKey()).isNotEqualTo(theirs.requestKey());
    }
}

package io.ticketflow.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.problem.ProblemException;
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
    void authorised_inPointsAlone_isVersion1_withTheIntentsAmountAndOwner_andNoCardPart() {
        Payment payment = Payment.authorised(INTENT, PaymentSplit.of(900, null, null), null, NOW);

        assertThat(payment).isEqualTo(new Payment(Payment.idFor("r-1"), "r-1", "user-1", 900, 900, null,
                PaymentStatus.AUTHORISED, 1, NOW, null, null));
    }

    @Test
    void cancel_ofAuthorised_isVersion2WithReasonAndVoid_andASecondCancelIsRefused() {
        Payment cancelled = Payment.authorised(INTENT, PaymentSplit.of(900, 100L, "tok_approve"),
                CardPart.authorised(800, "tok_approve", "auth-1"), NOW).cancel("INSUFFICIENT_POINTS", "void-1",
                NOW.plusSeconds(5));

        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(2);
        assertThat(cancelled.reason()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(cancelled.cancelledAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(cancelled.card().voidRef()).isEqualTo("void-1");
        assertThatThrownBy(() -> cancelled.cancel("AGAIN", "void-1", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refund_isOnlyForACapturedPayment() {
        Payment authorised = Payment.authorised(INTENT, PaymentSplit.of(900, 0L, "tok_approve"),
                CardPart.authorised(900, "tok_approve", "auth-1"), NOW);

        Payment refunded = authorised.capture("cap-1").refund("BOOKING_CANCELLED", "ref-1", NOW);

        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.version()).isEqualTo(3);
        assertThat(refunded.card()).isEqualTo(new CardPart(900, "tok_approve", "auth-1", "cap-1", null, "ref-1"));
        assertThatThrownBy(() -> authorised.refund("BOOKING_CANCELLED", "ref-1", NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void split_pointsOutsideZeroToPrice_orACardPartWithoutCard_isAnInvalidPaymentSplit() {
        assertThat(PaymentSplit.of(900, 300L, "tok_approve")).returns(600L, PaymentSplit::cardAmount);
        assertThat(PaymentSplit.of(900, 900L, "tok_approve").paymentMethod()).as("no card part, no card").isNull();
        for (Long points : new Long[] {-1L, 901L}) {
            assertThatThrownBy(() -> PaymentSplit.of(900, points, "tok_approve"))
                    .isInstanceOfSatisfying(ProblemException.class,
                            p -> assertThat(p.type()).isEqualTo(PaymentProblems.INVALID_PAYMENT_SPLIT));
        }
        assertThatThrownBy(() -> PaymentSplit.of(900, 300L, " "))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.type()).isEqualTo(PaymentProblems.INVALID_PAYMENT_SPLIT));
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

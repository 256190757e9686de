package io.ticketflow.point.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.saga.InsufficientPoints;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PointAccountTest {

    private static final Instant AT = Instant.parse("2026-11-25T18:00:00Z");

    @Test
    void charge_onNewAccount_raisesBalanceAndStartsVersionAtOne() {
        Posting posting = PointAccount.open("user-1").charge("req-1", 500, AT);

        assertThat(posting.after()).isEqualTo(new PointAccount("user-1", 500, 1));
        assertThat(posting.entry()).isEqualTo(new LedgerEntry("user-1", "req-1", LedgerKind.CHARGED, 500, 500, 1, null, AT));
    }

    @Test
    void deduct_coveredByBalance_lowersBalanceWithNegativeSignedLine() {
        Posting posting = new PointAccount("user-1", 500, 3).deduct("r-1:deduct", "r-1", 200, AT);

        assertThat(posting.after()).isEqualTo(new PointAccount("user-1", 300, 4));
        assertThat(posting.entry().signedAmount()).isEqualTo(-200);
        assertThat(posting.entry().reservationId()).isEqualTo("r-1");
    }

    @Test
    void deduct_exactlyTheBalance_leavesZero() {
        assertThat(new PointAccount("user-1", 200, 1).deduct("r-1:deduct", "r-1", 200, AT).after().balance()).isZero();
    }

    @Test
    void deduct_moreThanBalance_throwsInsufficientPoints() {
        assertThatThrownBy(() -> new PointAccount("user-1", 199, 1).deduct("r-1:deduct", "r-1", 200, AT))
                .isInstanceOf(InsufficientPoints.class).hasMessageContaining("199");
    }

    @Test
    void refund_ofDeduction_givesBackExactlyItsAmount() {
        LedgerEntry deduction = new PointAccount("user-1", 500, 1).deduct("r-1:deduct", "r-1", 200, AT).entry();

        Posting refund = new PointAccount("user-1", 300, 2).refund("r-1:refund", deduction, AT);

        assertThat(refund.after()).isEqualTo(new PointAccount("user-1", 500, 3));
        assertThat(refund.entry().kind()).isEqualTo(LedgerKind.REFUNDED);
        assertThat(refund.entry().reservationId()).isEqualTo("r-1");
    }

    @Test
    void refund_ofCharge_isRejected() {
        LedgerEntry charge = PointAccount.open("user-1").charge("req-1", 100, AT).entry();

        assertThatThrownBy(() -> new PointAccount("user-1", 100, 1).refund("x:refund", charge, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void account_withNegativeBalance_cannotExist() {
        assertThatThrownBy(() -> new PointAccount("user-1", -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonPositiveAmount_isRejected() {
        assertThatThrownBy(() -> PointAccount.open("user-1").charge("req-1", 0, AT)).isInstanceOf(IllegalArgumentException.class);
    }
}

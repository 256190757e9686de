package io.ticketflow.point.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.saga.EarnedPointsSpent;
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

    @Test
    void earn_raisesBalance_withAnEarnedLineThatKeepsTheCardAmount() {
        Posting earning = new PointAccount("user-1", 500, 2).earn("r-1:earn", "r-1", 120, 12_000, AT);

        assertThat(earning.after()).isEqualTo(new PointAccount("user-1", 620, 3));
        assertThat(earning.entry()).isEqualTo(
                new LedgerEntry("user-1", "r-1:earn", LedgerKind.EARNED, 120, 620, 3, "r-1", AT, 12_000L));
    }

    @Test
    void reverseEarning_takesBackExactlyWhatWasEarned() {
        LedgerEntry earning = new PointAccount("user-1", 500, 2).earn("r-1:earn", "r-1", 120, 12_000, AT).entry();

        Posting reversal = new PointAccount("user-1", 900, 5).reverseEarning("r-1:take-back", earning, AT);

        assertThat(reversal.after()).isEqualTo(new PointAccount("user-1", 780, 6));
        assertThat(reversal.entry()).isEqualTo(
                new LedgerEntry("user-1", "r-1:take-back", LedgerKind.EARNING_REVERSED, 120, 780, 6, "r-1", AT, 12_000L));
        assertThat(reversal.entry().signedAmount()).isEqualTo(-120);
    }

    @Test
    void reverseEarning_ofExactlyTheBalance_leavesZero() {
        LedgerEntry earning = PointAccount.open("user-1").earn("r-1:earn", "r-1", 120, 12_000, AT).entry();

        assertThat(new PointAccount("user-1", 120, 1).reverseEarning("r-1:take-back", earning, AT).after().balance())
                .isZero();
    }

    @Test
    void reverseEarning_whenThePointsWereSpent_throwsEarnedPointsSpent_neverGoingBelowZero() {
        LedgerEntry earning = PointAccount.open("user-1").earn("r-1:earn", "r-1", 120, 12_000, AT).entry();

        assertThatThrownBy(() -> new PointAccount("user-1", 119, 2).reverseEarning("r-1:take-back", earning, AT))
                .isInstanceOf(EarnedPointsSpent.class).hasMessageContaining("119").hasMessageContaining("120");
    }

    @Test
    void reverseEarning_ofADeductionOrAnotherUsersEarning_isRejected() {
        LedgerEntry deduction = new PointAccount("user-1", 500, 1).deduct("r-1:deduct", "r-1", 200, AT).entry();
        LedgerEntry othersEarning = PointAccount.open("user-2").earn("r-2:earn", "r-2", 50, 5_000, AT).entry();
        PointAccount account = new PointAccount("user-1", 1_000, 3);

        assertThatThrownBy(() -> account.reverseEarning("r-1:take-back", deduction, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> account.reverseEarning("r-2:take-back", othersEarning, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
